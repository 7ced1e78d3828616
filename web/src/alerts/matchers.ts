import type { Matcher, MatchOp } from '../api/alerts';

const line = /^\s*([A-Za-z_][\w.-]*)\s*(=~|!~|!=|=)\s*(.*?)\s*$/;

/** `labels.env = "lab"` per line, as Alertmanager users write matchers; the quotes are optional. */
export function parseMatchers(text: string): { matchers: Matcher[]; errors: string[] } {
  const matchers: Matcher[] = [];
  const errors: string[] = [];
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .forEach((l, i) => {
      const m = line.exec(l);
      if (!m) {
        errors.push(`line ${i + 1}: write field, an operator (= != =~ !~) and a value`);
        return;
      }
      const raw = m[3]!;
      const value = /^".*"$/.test(raw) ? raw.slice(1, -1) : raw;
      matchers.push({ field: m[1]!, op: m[2] as MatchOp, value });
    });
  return { matchers, errors };
}

export const formatMatcher = (m: Matcher) =>
  `${m.field} ${m.op} "${m.value}"${m.ignoreCase ? ' (any case)' : ''}`;
