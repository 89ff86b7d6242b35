/** Matches an exact path, or a spec template (`/v1/graphs/{graphId}/blocks`) where `{…}` is one segment. */
export function pathPattern(template: string): RegExp {
  const escaped = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}/]*\}/g, '[^/]+');
  return new RegExp(`^${escaped}$`);
}
