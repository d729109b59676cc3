import { POLITE_PHRASE_SECTIONS, type PolitePhrase } from '@kefu/shared/polite-phrases';
import { Card, Col, Row, Table, Typography } from 'antd';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { PageHeader } from '../../../components/PageHeader';

/** 礼貌用语: the reference cards of seed 004 (技巧篇) and seed 000's forbidden phrases, improper → polite. */
export function PolitePhrasesPage() {
  const t = useT();
  const { lang } = useLang();
  return (
    <>
      <PageHeader title={t('polite.title')} />
      <Row gutter={[16, 16]}>
        {POLITE_PHRASE_SECTIONS.map((s) => {
          const withImproper = s.phrases.some((p) => p.improper);
          const withWhen = s.phrases.some((p) => p.situation);
          return (
            <Col key={s.id} xs={24} xl={12}>
              <Card
                title={s.title[lang]}
                extra={<Typography.Text type="secondary">{t('polite.source', { seed: s.source })}</Typography.Text>}
                data-testid={`polite-${s.id}`}
                style={{ height: '100%' }}
              >
                <Table<PolitePhrase>
                  rowKey={(p) => p.polite}
                  size="small"
                  pagination={false}
                  dataSource={s.phrases}
                  columns={[
                    ...(withWhen ? [{ key: 'when', title: t('polite.when'), width: 120, render: (_: unknown, p: PolitePhrase) => p.situation ?? '' }] : []),
                    ...(withImproper
                      ? [
                          {
                            key: 'improper',
                            title: t('polite.improper'),
                            width: 160,
                            render: (_: unknown, p: PolitePhrase) =>
                              p.improper ? (
                                <Typography.Text delete type="danger">
                                  {p.improper}
                                </Typography.Text>
                              ) : null,
                          },
                        ]
                      : []),
                    { key: 'polite', title: t('polite.polite'), render: (_: unknown, p: PolitePhrase) => <Typography.Text>{p.polite}</Typography.Text> },
                  ]}
                />
              </Card>
            </Col>
          );
        })}
      </Row>
    </>
  );
}
