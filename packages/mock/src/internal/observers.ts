/**
 * A private hook that sees every response the mock produces: the package's own contract tests
 * validate each one against spec/openapi.yaml through it. Not exported from any entry point.
 * @internal
 */
import type { OperationId } from '@graphtoken/contract';

/** One answered request. */
export interface ResponseEvent {
  operationId: OperationId | null;
  method: string;
  path: string;
  /** A clone of the response, free to read. */
  response: Response;
  /** True when a fault rule produced it (deliberately off-contract statuses are allowed there). */
  injected: boolean;
}

const observers = new Set<(event: ResponseEvent) => void>();

/** Adds an observer; returns the function that removes it. */
export function addResponseObserver(observer: (event: ResponseEvent) => void): () => void {
  observers.add(observer);
  return () => observers.delete(observer);
}

/** Whether anyone observes (so the pipeline clones a response only when needed). */
export function hasObservers(): boolean {
  return observers.size > 0;
}

/** Tells every observer. */
export function notifyObservers(event: ResponseEvent): void {
  for (const observer of observers) observer(event);
}
