/**
 * The event types an endpoint can subscribe to: the public contract with receivers. A module that
 * publishes a new kind of event adds it here first, with the sentence receivers read in the docs.
 */
export const webhookEventTypes = {
  'ticket.created': 'A ticket was opened (portal, mail, phone, API or a monitoring alert).',
  'ticket.updated': 'A ticket changed: status, priority, queue, category or other fields.',
  'ticket.assigned': 'A ticket was given to a technician, or taken away from one.',
  'ticket.resolved': 'A ticket reached a resolved status.',
  'ticket.closed': 'A ticket was closed.',
  'ticket.reopened': 'A resolved or closed ticket was opened again.',
  'ticket.sla_warning': 'An SLA clock of a ticket passed its warning threshold.',
  'ticket.sla_breached': 'An SLA clock of a ticket ran out before its target was met.',
  'alert.triggered': 'A monitoring alert opened (repeats of an open alert are not new events).',
  'alert.resolved': 'A monitoring alert recovered.',
  'agreement.signed': 'An agreement was signed and became active.',
  'invoice.issued': 'An invoice was issued (numbered and final).',
  'invoice.paid': 'An invoice was paid in full.',
} as const;

export type WebhookEventType = keyof typeof webhookEventTypes;

/** Sent only by the ping action, to the one endpoint pinged; never matched by a subscription. */
export const PING_EVENT = 'webhook.ping';

export const eventTypeList = Object.keys(webhookEventTypes) as WebhookEventType[];
export const eventCategories = [...new Set(eventTypeList.map((t) => t.split('.')[0]!))];

export const isWebhookEventType = (value: string): value is WebhookEventType =>
  Object.hasOwn(webhookEventTypes, value);

/**
 * A subscription is a known event type (`ticket.created`), every event of a category (`ticket.*`)
 * or everything (`*`). Returns why a pattern is not one of these, or null when it is.
 */
export function patternProblem(pattern: string): string | null {
  if (pattern === '*' || isWebhookEventType(pattern)) return null;
  const wildcard = /^([a-z_]+)\.\*$/.exec(pattern);
  if (wildcard) {
    return eventCategories.includes(wildcard[1]!)
      ? null
      : `unknown category "${wildcard[1]}" (known: ${eventCategories.join(', ')})`;
  }
  if (pattern.includes('*')) return 'a wildcard may only stand for a whole event name: "ticket.*" or "*"';
  return `unknown event type "${pattern}"`;
}

/** The patterns that match an event type; an endpoint receives the event when it holds any of them. */
export const patternsMatching = (type: string): string[] => [type, `${type.split('.')[0]}.*`, '*'];

export const matchesSubscription = (patterns: readonly string[], type: string): boolean =>
  patternsMatching(type).some((p) => patterns.includes(p));

/** Sorted and without repeats; `*` alone when present, since it covers every other pattern. */
export function normalizePatterns(patterns: readonly string[]): string[] {
  if (patterns.includes('*')) return ['*'];
  const categories = new Set(patterns.filter((p) => p.endsWith('.*')).map((p) => p.slice(0, -2)));
  const kept = patterns.filter((p) => p.endsWith('.*') || !categories.has(p.split('.')[0]!));
  return [...new Set(kept)].sort();
}
