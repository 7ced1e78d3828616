type Props = { tone?: 'neutral' | 'good' | 'warn' | 'muted'; children: string };

export function Badge({ tone = 'neutral', children }: Props) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}
