// 照片: an item's photos on the scoring form (a site check on a phone). The camera button opens the
// back camera where there is one (`capture="environment"`); each picture is kept on the device
// (lib/keptPhotos) and sent at once, and one that fails (a bad connection, a file that is not a
// JPEG, PNG or WebP) stays listed with the reason and a retry button until it is sent or dropped.
// After a reload the photos still kept are sent again. PhotoGallery is the read-only view.
import { CameraOutlined, DeleteOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Image, Popconfirm, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addInspectionPhoto, deleteInspectionPhoto, inspectionPhotoUrl, type InspectionPhoto } from '../../api/inspection';
import { errorText } from '../../components/errors';
import { useNotify } from '../../components/useNotify';
import { forgetPhoto, keepPhoto, keptPhotos } from '../../lib/keptPhotos';

const THUMB = 72;

interface Pending {
  key: number;
  file: File;
  kept: number | null; // its record on the device
  error: unknown;
  sending: boolean;
}

function Thumb({ inspectionId, photo }: { inspectionId: number; photo: InspectionPhoto }) {
  return (
    <Image
      src={inspectionPhotoUrl(inspectionId, photo.id)}
      width={THUMB}
      height={THUMB}
      style={{ objectFit: 'cover', borderRadius: 4 }}
      alt={photo.item}
      data-testid={`photo-${photo.id}`}
    />
  );
}

export default function ItemPhotos({
  inspectionId,
  item,
  photos,
  onAdded,
  onRemoved,
}: {
  inspectionId: number;
  item: string;
  photos: InspectionPhoto[];
  onAdded: (p: InspectionPhoto) => void;
  onRemoved: (id: number) => void;
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  const input = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<Pending[]>([]);
  const next = useRef(0);

  const send = async (p: Pending) => {
    setPending((list) => list.map((x) => (x.key === p.key ? { ...x, sending: true, error: null } : x)));
    try {
      const stored = await addInspectionPhoto(inspectionId, item, p.file);
      if (p.kept !== null) void forgetPhoto(p.kept);
      setPending((list) => list.filter((x) => x.key !== p.key));
      onAdded(stored);
      notify.success(t('inspection.site.photoAdded'));
    } catch (cause) {
      setPending((list) => list.map((x) => (x.key === p.key ? { ...x, sending: false, error: cause } : x)));
    }
  };

  const start = (file: File, kept: number | null) => {
    const p: Pending = { key: next.current++, file, kept, error: null, sending: true };
    setPending((list) => [...list, p]);
    void send(p);
  };

  const picked = async (files: FileList | null) => {
    const chosen = Array.from(files ?? []);
    if (input.current) input.current.value = '';
    for (const file of chosen) start(file, await keepPhoto(inspectionId, item, file));
  };

  const drop = (p: Pending) => {
    if (p.kept !== null) void forgetPhoto(p.kept);
    setPending((list) => list.filter((x) => x.key !== p.key));
  };

  // The photos a reload interrupted (kept, never confirmed sent) are sent again, once.
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current) return;
    restored.current = true;
    void keptPhotos(inspectionId, item).then((kept) => kept.forEach((k) => start(k.file, k.id)));
  }, []); // once per mount: the form is mounted per inspection, and an item's photos by item

  const remove = async (id: number) => {
    try {
      await deleteInspectionPhoto(inspectionId, id);
      onRemoved(id);
    } catch (cause) {
      notify.failure(cause);
    }
  };

  return (
    <Space direction="vertical" size={4} style={{ width: '100%', marginBottom: 12 }} data-testid={`photos-${item}`}>
      <Space wrap size={8}>
        <Image.PreviewGroup>
          {photos.map((p) => (
            <Space key={p.id} direction="vertical" size={0} align="center">
              <Thumb inspectionId={inspectionId} photo={p} />
              <Popconfirm title={t('inspection.site.removeConfirm')} onConfirm={() => void remove(p.id)}>
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('inspection.site.remove')} data-testid="remove-photo" />
              </Popconfirm>
            </Space>
          ))}
        </Image.PreviewGroup>
        <Button icon={<CameraOutlined />} onClick={() => input.current?.click()} data-testid={`add-photo-${item}`}>
          {t('inspection.site.addPhoto')}
        </Button>
        <input
          ref={input}
          type="file"
          accept="image/*"
          capture="environment"
          multiple
          hidden
          onChange={(e) => void picked(e.target.files)}
          data-testid={`photo-input-${item}`}
        />
      </Space>
      {pending.map((p) =>
        p.sending ? (
          <Typography.Text key={p.key} type="secondary" data-testid="photo-uploading">
            {t('inspection.site.uploading')} {p.file.name}
          </Typography.Text>
        ) : (
          <Space key={p.key} wrap data-testid="photo-failed">
            <Typography.Text type="danger">
              {p.file.name}: {t('inspection.site.uploadFailed', { reason: errorText(t, p.error) })}
            </Typography.Text>
            <Button size="small" icon={<ReloadOutlined />} onClick={() => void send(p)} data-testid="retry-photo">
              {t('inspection.site.retry')}
            </Button>
            <Button size="small" type="text" onClick={() => drop(p)}>
              {t('common.cancel')}
            </Button>
          </Space>
        ),
      )}
    </Space>
  );
}

/** Every photo of an inspection, by item, read-only. */
export function PhotoGallery({ inspectionId, photos, itemName }: { inspectionId: number; photos: InspectionPhoto[]; itemName: (code: string) => string }) {
  const items = [...new Set(photos.map((p) => p.item))];
  return (
    <Image.PreviewGroup>
      <Space direction="vertical" style={{ width: '100%' }} data-testid="photo-gallery">
        {items.map((code) => (
          <Space key={code} wrap align="start">
            <Typography.Text style={{ display: 'inline-block', minWidth: 120 }}>{itemName(code)}</Typography.Text>
            {photos
              .filter((p) => p.item === code)
              .map((p) => (
                <Thumb key={p.id} inspectionId={inspectionId} photo={p} />
              ))}
          </Space>
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}
