import { Card, Col, Row } from 'antd';
import { useT } from '../../../app/i18n/use-t';
import { PageHeader } from '../../../components/PageHeader';
import { ArchiveSettingsForm } from '../components/ArchiveSettingsForm';
import { CategoriesTable } from '../components/CategoriesTable';

/** 档案设置: the classification scheme, the tiers, and the rules of the named lists. */
export function ArchiveSettingsPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('archiveSettings.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={16}>
          <Card variant="borderless" title={t('archiveSettings.categories')}>
            <CategoriesTable />
          </Card>
        </Col>
        <Col xs={24} xxl={8}>
          <Card variant="borderless" title={t('archiveSettings.lists')}>
            <ArchiveSettingsForm />
          </Card>
        </Col>
      </Row>
    </>
  );
}
