/** A managed agreement that meets every contract criterion of the default policy. */
export const fullStack = (overrides: Record<string, unknown> = {}) => ({
  kind: 'managed',
  name: 'Managed Complete',
  startDate: '2026-01-01',
  minimumTermMonths: 12,
  slaPolicyId: '0190e4a0-0000-7000-8000-00000000a5a5',
  coveredCategories: ['monitoring', 'patching', 'backup', 'helpdesk', 'security'],
  coveredWorkTypes: ['remote', 'onsite'],
  exclusions: [{ category: 'network', workType: null, description: 'Network projects', hourlyRate: 13000 }],
  outOfScopeRate: 11000,
  lines: [
    {
      description: 'Complete, per user',
      quantity: 25,
      unitPrice: 9900,
      unit: 'per_user',
      categories: ['monitoring', 'patching', 'backup', 'helpdesk', 'security'],
    },
  ],
  ...overrides,
});
