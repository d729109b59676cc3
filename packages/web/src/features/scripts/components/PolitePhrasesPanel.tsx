import { POLITE_PHRASE_SECTIONS } from '@kefu/shared/polite-phrases';
import { Collapse, Typography } from 'antd';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';

/** The compact polite-phrase cards for the call screen: one section open at a time, improper struck through. */
export function PolitePhrasesPanel() {
  const t = useT();
  const { lang } = useLang();
  return (
    <div data-testid="polite-panel">
      <Typography.Text strong>{t('polite.panel')}</Typography.Text>
      <Collapse
        accordion
        size="small"
        style={{ marginTop: 6 }}
        items={POLITE_PHRASE_SECTIONS.map((s) => ({
          key: s.id,
          label: s.title[lang],
          children: (
            <ul style={{ paddingLeft: 18, margin: 0 }}>
              {s.phrases.map((p, i) => (
                <li key={i} style={{ marginBottom: 4 }}>
                  {p.improper ? (
                    <Typography.Text delete type="danger">
                      {p.improper}
                    </Typography.Text>
                  ) : null}
                  {p.improper ? ' → ' : null}
                  {p.polite}
                </li>
              ))}
            </ul>
          ),
        }))}
      />
    </div>
  );
}
