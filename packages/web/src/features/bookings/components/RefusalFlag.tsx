import type { RefusalFlag as Flag } from '@kefu/shared/booking-extras';
import { Alert, Button } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useT } from '../../../app/i18n/use-t';
import { api } from '../../../lib/api-client';
import { errorText } from '../../../lib/api-error';

/** Seed 004 引导合理排课: a customer refused twice in a row is flagged for the supervisor to give priority. */
export function RefusalFlag({ customerId }: { customerId: string | undefined }) {
  const t = useT();
  const q = useQuery({
    queryKey: ['bookings', 'refusals', customerId],
    queryFn: () => api.get<Flag>(`/api/v1/bookings/refusals/${customerId}`),
    enabled: !!customerId,
  });
  if (!q.data?.flagged) return null;
  return (
    <Alert type="warning" showIcon title={t('bookings.flag.refused', { n: q.data.refusedInRow })} style={{ marginBottom: 12 }} data-testid="refusal-flag" />
  );
}

/** A full time: put the customer on its waiting list (position shown). */
export function JoinWaitlist({ body }: { body: Record<string, unknown> }) {
  const t = useT();
  const qc = useQueryClient();
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const join = useMutation({
    mutationFn: () => api.post<{ position: number | null }>('/api/v1/bookings/waitlist', body),
    onSuccess: (e) => (
      setNote({ ok: true, text: t('bookings.waitlist.joined', { position: e.position ?? 1 }) }),
      qc.invalidateQueries({ queryKey: ['bookings'] })
    ),
    onError: (err) => setNote({ ok: false, text: errorText(err) }),
  });
  return note ? (
    <Alert type={note.ok ? 'success' : 'error'} showIcon title={note.text} style={{ marginBottom: 12 }} data-testid="waitlist-result" />
  ) : (
    <Button onClick={() => join.mutate()} loading={join.isPending} style={{ marginBottom: 12 }} data-testid="waitlist-join">
      {t('bookings.waitlist.join')}
    </Button>
  );
}
