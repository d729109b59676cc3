import { InboxOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useRef, useState, type DragEvent } from 'react';
import { useT } from '../../app/i18n/use-t';

/** Click to choose, or drag a file here. A plain file input underneath, so browser tests can set it. */
export function DropZone({ onFile, disabled }: { onFile: (file: File) => void; disabled?: boolean }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  };
  return (
    <div
      role="button"
      tabIndex={0}
      onClick={() => !disabled && input.current?.click()}
      onKeyDown={(e) => e.key === 'Enter' && input.current?.click()}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      style={{
        border: `1px dashed ${over ? '#1677ff' : '#d9d9d9'}`,
        borderRadius: 8,
        padding: 32,
        textAlign: 'center',
        cursor: disabled ? 'default' : 'pointer',
        background: over ? '#f0f7ff' : '#fafafa',
      }}
    >
      <InboxOutlined style={{ fontSize: 40, color: '#1677ff' }} />
      <div style={{ marginTop: 8 }}>{t('import.drop')}</div>
      <Typography.Text type="secondary">{t('import.dropHint')}</Typography.Text>
      <input
        ref={input}
        type="file"
        accept=".xlsx,.csv,.txt"
        style={{ display: 'none' }}
        data-testid="import-upload-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file);
          e.target.value = '';
        }}
      />
    </div>
  );
}
