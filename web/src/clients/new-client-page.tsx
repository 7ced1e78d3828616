import { useNavigate } from 'react-router';
import { useCreateClient } from '../api/clients';
import { PageHeader } from '../ui/page-header';
import { ClientForm } from './client-form';

export function NewClientPage() {
  const create = useCreateClient();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title="New client" />
      <ClientForm
        submitLabel="Create client"
        pending={create.isPending}
        error={create.error}
        onSubmit={(input) => create.mutate(input, { onSuccess: (c) => navigate(`/clients/${c.id}`) })}
        onCancel={() => navigate('/clients')}
      />
    </>
  );
}
