import { Skeleton } from 'antd';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useComplaintSettingsForEdit } from '../api';
import { ComplaintSettingsForm } from '../components/ComplaintSettingsForm';

/** 客诉设置: the manager's deadlines per category and severity, approval threshold, warnings and follow-ups. */
export function ComplaintSettingsPage() {
  const t = useT();
  const settings = useComplaintSettingsForEdit();
  if (settings.isPending || settings.isError)
    return (
      <>
        <PageHeader title={t('complaintSettings.title')} />
        {settings.isError ? <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} retryText={t('common.retry')} /> : <Skeleton active />}
      </>
    );
  return <ComplaintSettingsForm saved={settings.data} />;
}
