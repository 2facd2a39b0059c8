'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { Card } from '@/components/ui';
import { ResourceForm } from './ResourceForm';
import styles from '../catalog.module.css';

export function NewResource({ defaultTimeZone }: { defaultTimeZone: string }) {
  const router = useRouter();
  return (
    <div className={styles.stack}>
      <Link href="/catalog/resources" className={styles.backLink}>
        ← All resources
      </Link>
      <Card title="New resource" description="You can set its weekly hours after saving.">
        <ResourceForm
          defaultTimeZone={defaultTimeZone}
          onSaved={(r) => router.push(`/catalog/resources/${r.id}?created=1`)}
        />
      </Card>
    </div>
  );
}
