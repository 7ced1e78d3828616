export type Tone = 'neutral' | 'good' | 'warn' | 'danger' | 'muted';

type Props = { tone?: Tone; children: string };

export function Badge({ tone = 'neutral', children }: Props) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}
