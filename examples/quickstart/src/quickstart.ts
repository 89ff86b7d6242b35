/**
 * Where the walkthrough runs: the embedded mock by default (no network, no account), or your
 * GraphToken service when GRAPHTOKEN_BASE_URL and GRAPHTOKEN_TOKEN are set.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { BOOTSTRAP_TOKEN, createGraphTokenMock, type GraphTokenMock } from '@graphtoken/mock';
import { failOnUnhandledApiRequest, setupGraphTokenServer } from '@graphtoken/mock/node';
import { Narrator } from './narrator.ts';
import { duration, runWalkthrough, UnexpectedOutcomeError, type WalkthroughOptions } from './walkthrough.ts';

/** What the quickstart reads from its surroundings. */
export interface QuickstartOptions {
  /** Environment variables: GRAPHTOKEN_BASE_URL and GRAPHTOKEN_TOKEN select a real service. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Receives each line of the transcript. */
  readonly write: (line: string) => void;
}

/** The rotation grace period against the mock: an hour, which the mock clock skips in an instant. */
const MOCK_GRACE_SECONDS = 3600;
/** Against a real service the walkthrough really waits, so the grace period is short. */
const LIVE_GRACE_SECONDS = 3;

/**
 * Runs the narrated walkthrough and returns the process exit code (0 when every step turned out
 * as the transcript says).
 */
export async function runQuickstart({ env, write }: QuickstartOptions): Promise<number> {
  const narrator = new Narrator(write);
  const baseUrl = env.GRAPHTOKEN_BASE_URL;
  const token = env.GRAPHTOKEN_TOKEN;

  narrator.heading('GraphToken quickstart: the life of an API token');
  if (baseUrl || token) {
    if (!baseUrl || !token) {
      write(
        '✗ Set both GRAPHTOKEN_BASE_URL and GRAPHTOKEN_TOKEN (a token with the `manage` scope), or neither to use the mock.',
      );
      return 2;
    }
    narrator.say(
      `Running against ${baseUrl}, with your token. Every token created here is revoked at the end.`,
    );
    return run(narrator, write, {
      baseUrl,
      manageToken: token,
      manageTokenLabel: 'your manage token',
      narrator,
      gracePeriodSeconds: LIVE_GRACE_SECONDS,
      passTime: (seconds) => sleep(seconds * 1000),
      describeTimePassing: (seconds) => `Wait ${duration(seconds)}`,
    });
  }

  // The embedded mock: the whole API in this process (msw intercepts fetch), with its own clock.
  // `listen` proves that requests are intercepted here (it throws in a runtime where they are not).
  const { mock, server, listen } = setupGraphTokenServer(createGraphTokenMock());
  await listen({ onUnhandledFrame: failOnUnhandledApiRequest(mock) });
  narrator.say(`Running against the embedded GraphToken mock (${mock.baseUrl}, in this process: no network,`);
  narrator.say('no account). It starts with one token, "bootstrap", whose secret the mock publishes.');
  try {
    return await run(narrator, write, embeddedMockOptions(mock, narrator));
  } finally {
    server.close();
  }
}

/**
 * The walkthrough's options against an embedded mock: the mock's published bootstrap token, and
 * a one-hour grace period that the mock's clock skips in an instant.
 */
export function embeddedMockOptions(mock: GraphTokenMock, narrator: Narrator): WalkthroughOptions {
  return {
    baseUrl: mock.baseUrl,
    manageToken: BOOTSTRAP_TOKEN,
    manageTokenLabel: 'the bootstrap token',
    narrator,
    gracePeriodSeconds: MOCK_GRACE_SECONDS,
    passTime: async (seconds) => mock.clock.advance({ seconds }),
    describeTimePassing: (seconds) => `Advance the mock's clock by ${duration(seconds)} (no real waiting)`,
  };
}

async function run(
  narrator: Narrator,
  write: (line: string) => void,
  options: WalkthroughOptions,
): Promise<number> {
  try {
    await runWalkthrough(options);
    return 0;
  } catch (error) {
    write('');
    if (error instanceof UnexpectedOutcomeError) {
      write(`✗ The walkthrough stopped: ${error.message}`);
    } else {
      // SDK errors never contain a secret, so their message is safe to print.
      write(
        `✗ The walkthrough stopped: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
      );
    }
    const step = narrator.steps.at(-1);
    if (step) write(`  (in step ${step.number}, "${step.title}")`);
    return 1;
  }
}
