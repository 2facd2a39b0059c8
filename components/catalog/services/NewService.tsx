'use client';

import { useRouter } from 'next/navigation';
import { Card } from '@/components/ui';
import { FormSkeleton } from '@/components/ui/ListSkeleton';
import { SubPage } from '../EditorFrame';
import { useServices } from '../queries';
import { ServiceForm } from './ServiceForm';
import { LoadingOrOutage } from '@/components/ui/QueryView';

/** The currency most existing services use: the likeliest one for a new service. */
function commonCurrency(currencies: (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const c of currencies) if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

export function NewService() {
  const router = useRouter();
  const services = useServices();
  return (
    <SubPage backHref="/catalog/services" backLabel="All services">
      <Card title="New service" description="You can link the resources it needs after saving.">
        {services.isPending ? (
          <LoadingOrOutage queries={[services]}>
            <FormSkeleton label="Loading" />
          </LoadingOrOutage>
        ) : (
          <ServiceForm
            defaultCurrency={commonCurrency((services.data ?? []).map((s) => s.currency))}
            onSaved={(service) => router.push(`/catalog/services/${service.id}?created=1`)}
          />
        )}
      </Card>
    </SubPage>
  );
}
