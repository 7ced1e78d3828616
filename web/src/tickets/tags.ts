/** "vpn, Printer ,vpn" → ["vpn", "Printer"]: tags typed as one comma-separated line. */
export const parseTags = (text: string) => [
  ...new Set(
    text
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
  ),
];

export const formatTags = (tags: readonly string[]) => tags.join(', ');
