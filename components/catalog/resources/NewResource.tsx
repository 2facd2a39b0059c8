'use client';

import { useRouter } from 'next/navigation';
import { Card } from '@/components/ui';
import { SubPage } from '../EditorFrame';
import { ResourceForm } from './ResourceForm';

export function NewResource({ defaultTimeZone }: { defaultTimeZone: string }) {
  const router = useRouter();
  return (
    <SubPage backHref="/catalog/resources" backLabel="All resources">
      <Card title="New resource" description="You can set its weekly hours after saving.">
        <ResourceForm
          defaultTimeZone={defaultTimeZone}
          onSaved={(r) => router.push(`/catalog/resources/${r.id}?created=1`)}
        />
      </Card>
    </SubPage>
  );
}
