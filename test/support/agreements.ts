/** A managed agreement that meets every contract criterion of the default policy. */
export const fullStack = (overrides: Record<string, unknown> = {}) => ({
  kind: 'managed',
  name: 'Managed Complete',
  startDate: '2026-01-01',
  minimumTermMonths: 12,
  // The seeded 'Standard (business hours)' policy.
  slaPolicyId: '01900000-0000-7000-8000-000000000011',
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
