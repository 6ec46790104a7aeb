// 评分: the inspector's form (and a calibration reviewer's). Every item with its guidance, N/A where
// allowed, the running score (the server's preview over the answered items), a draft saved to the
// server, and submit. For an inspection also photos per item, when the check was made (the first
// answer or photo on this device) and, when the inspector asks, where (navigator.geolocation). The
// answers, time and place stay in this device's localStorage until the server has them, so a site
// check on a phone with a bad connection loses nothing.
import { EnvironmentOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Form, Input, Progress, Space, Typography } from 'antd';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answers, Inspection, InspectionPhoto, Scorecard, SiteRecord } from '../../api/inspection';
import SubmitAlert from '../../components/SubmitAlert';
import { errorText } from '../../components/errors';
import { formatTime } from '../../lib/format';
import { useSubmit } from '../../lib/useSubmit';
import AnswerInput from './AnswerInput';
import ItemPhotos from './ItemPhotos';
import { LocationText } from './labels';
import ScoreSummary from './ScoreSummary';
import { answerForKey, cardItems, clearDraft, loadDraft, progress, saveDraft, validLocation, type Draft, type DraftKey } from './card';
import { usePreview } from './usePreview';

interface Values {
  answers: Answers;
  notes: string;
}

/** The stored answers as the form holds them (a number or "na" per item code). */
function storedAnswers(answers: Record<string, unknown> | null | undefined): Answers {
  const out: Answers = {};
  for (const [code, v] of Object.entries(answers ?? {})) if (v === 'na' || typeof v === 'number') out[code] = v;
  return out;
}

interface Props<T> {
  /** Where this device keeps its unsent draft: an inspection's id, or another key (a calibration's). */
  draftKey: DraftKey;
  stored: { answers?: Record<string, unknown> | null; notes?: string | null };
  card: Scorecard;
  /** The inspection being scored: its photos per item and the time and place of the check. */
  inspection?: Inspection;
  save: (answers: Answers, notes: string, site: SiteRecord) => Promise<T>;
  submit: (answers: Answers, notes: string, site: SiteRecord) => Promise<T>;
  onSaved: (saved: T) => void;
}

export default function ScoringForm<T>({ draftKey, stored, card, inspection, save, submit: send, onSaved }: Props<T>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  // A draft of this device that the server has not got wins over the stored answers. Read once:
  // from then on the form holds the answers (a save's echo from the server does not reset them).
  const [restored] = useState<Draft | null>(() => loadDraft(window.localStorage, draftKey));
  const [initial] = useState<Values>(() =>
    restored ? { answers: restored.answers, notes: restored.notes } : { answers: storedAnswers(stored.answers), notes: stored.notes ?? '' },
  );
  const [answers, setAnswers] = useState<Answers>(initial.answers);
  const [unsent, setUnsent] = useState<boolean>(restored !== null);
  const [site, setSite] = useState<SiteRecord>(() => ({
    checked_at: restored?.site?.checked_at ?? inspection?.checked_at ?? undefined,
    location: restored?.site?.location ?? validLocation(inspection?.location),
  }));
  const [photos, setPhotos] = useState<InspectionPhoto[]>(inspection?.photos ?? []);
  const [locating, setLocating] = useState(false);
  const [locationError, setLocationError] = useState<string | null>(null);
  const preview = usePreview(card, answers);
  const done = progress(card, answers);

  /** Keeps the form's answers and `where` on this device; the first change records when the check was made. */
  const remember = (where: SiteRecord = site) => {
    const v = form.getFieldsValue(true) as Values;
    const clean: Answers = {};
    for (const [code, a] of Object.entries(v.answers ?? {})) if (a !== undefined && a !== null) clean[code] = a;
    const now = new Date().toISOString();
    const next: SiteRecord = inspection ? { ...where, checked_at: where.checked_at ?? now } : {};
    setAnswers(clean);
    setSite(next);
    saveDraft(window.localStorage, draftKey, { answers: clean, notes: v.notes ?? '', at: now, ...(inspection ? { site: next } : {}) });
    setUnsent(true);
  };

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setLocationError(t('inspection.site.locationDenied', { reason: '—' }));
      return;
    }
    setLocating(true);
    setLocationError(null);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        const where = validLocation({ latitude: position.coords.latitude, longitude: position.coords.longitude, accuracy_m: position.coords.accuracy });
        if (where) remember({ ...site, location: where });
      },
      (failure) => {
        setLocating(false);
        setLocationError(t('inspection.site.locationDenied', { reason: failure.message || String(failure.code) }));
      },
      { enableHighAccuracy: true, timeout: 20000, maximumAge: 60000 },
    );
  };

  const sent = (saved: T) => {
    clearDraft(window.localStorage, draftKey);
    setUnsent(false);
    onSaved(saved);
  };

  const draft = useSubmit(form, (v: Values) => save(v.answers ?? {}, v.notes ?? '', site), {
    success: t('inspection.score.draftSaved'),
    onSuccess: sent,
  });
  const submit = useSubmit(form, (v: Values) => send(v.answers ?? {}, v.notes ?? '', site), {
    success: t('inspection.score.submitted'),
    onSuccess: sent,
    bannerAlways: true,
  });

  // Keyboard scoring: arrows move between items, 1–5 / y / n / a answer the current one (and move on).
  const items = cardItems(card);
  const [current, setCurrent] = useState(0);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    if (target.closest('input, textarea, [contenteditable="true"]') || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowRight') {
      setCurrent((c) => Math.min(c + 1, items.length - 1));
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowLeft') {
      setCurrent((c) => Math.max(c - 1, 0));
    } else {
      const item = items[current];
      const answer = item ? answerForKey(item, e.key) : undefined;
      if (!item || answer === undefined) return;
      form.setFieldValue(['answers', item.code], answer);
      remember();
      setCurrent((c) => Math.min(c + 1, items.length - 1));
    }
    e.preventDefault();
  };

  const values = (): Values => {
    const v = form.getFieldsValue(true) as Values;
    return { answers, notes: v.notes ?? '' };
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {unsent && (
        <Alert
          type="info"
          showIcon
          data-testid="unsent-draft"
          message={t('inspection.score.unsent')}
          description={restored?.at ? t('inspection.score.unsentSince', { at: formatTime(restored.at) }) : undefined}
        />
      )}
      <SubmitAlert submit={submit.failure ? submit : draft} />
      {inspection && (
      <Card size="small" title={t('inspection.site.title')} data-testid="site-record">
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('inspection.site.checkedAt')}>
            <span data-testid="site-checked-at">{site.checked_at ? formatTime(site.checked_at) : '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('inspection.site.location')}>
            <Space wrap>
              <span data-testid="site-location">
                <LocationText location={site.location} />
              </span>
              <Button size="small" icon={<EnvironmentOutlined />} loading={locating} onClick={locate} data-testid="record-location">
                {t('inspection.site.recordLocation')}
              </Button>
            </Space>
          </Descriptions.Item>
        </Descriptions>
        {locationError && <Alert type="warning" showIcon message={locationError} />}
        <Typography.Text type="secondary">{t('inspection.site.photoLimit')}</Typography.Text>
      </Card>
      )}
      <Typography.Text type="secondary">{t('inspection.score.keyboard')}</Typography.Text>
      <div tabIndex={0} onKeyDown={onKeyDown} data-testid="scoring-keys" style={{ outline: 'none' }}>
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        onValuesChange={(changed) => {
          submit.onValuesChange(changed);
          draft.onValuesChange(changed);
          remember();
        }}
        data-testid="scoring-form"
      >
        {card.sections.map((section) => (
          <Card key={section.code} size="small" title={section.name || section.code} style={{ marginBottom: 12 }} data-testid="scoring-section">
            {section.items.map((item) => (
              <div key={item.code}>
              <Form.Item
                data-testid={`scoring-item-${item.code}`}
                data-current={items[current]?.code === item.code ? 'true' : undefined}
                style={items[current]?.code === item.code ? { outline: '2px solid #1677ff', outlineOffset: 4, borderRadius: 4 } : undefined}
                name={['answers', item.code]}
                label={
                  <Space direction="vertical" size={0}>
                    <Typography.Text strong>
                      {item.name || item.code}
                      {item.critical && item.critical !== 'none' ? ` · ${t(`inspection.critical.${item.critical}`)}` : ''}
                      {item.bonus ? ` · ${t('inspection.card.bonus')}` : ''}
                    </Typography.Text>
                    {item.guidance && (
                      <Typography.Text type="secondary" data-testid={`guidance-${item.code}`}>
                        {item.guidance}
                      </Typography.Text>
                    )}
                  </Space>
                }
              >
                <AnswerInput item={item} />
              </Form.Item>
              {inspection && (
              <ItemPhotos
                inspectionId={inspection.id}
                item={item.code}
                photos={photos.filter((p) => p.item === item.code)}
                onAdded={(p) => {
                  setPhotos((list) => [...list, p]);
                  if (!site.checked_at) remember();
                }}
                onRemoved={(id) => setPhotos((list) => list.filter((p) => p.id !== id))}
              />
              )}
              </div>
            ))}

          </Card>
        ))}
        <Form.Item name="notes" label={t('inspection.field.notes')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
      </div>
      <Card size="small" title={t('inspection.score.running')} data-testid="running-score">
        <Progress percent={done.total ? Math.round((done.answered / done.total) * 100) : 0} format={() => `${done.answered} / ${done.total}`} />
        {preview.error && <Alert type="warning" showIcon message={errorText(t, preview.error)} />}
        {preview.score && <ScoreSummary score={preview.score} card={card} />}
      </Card>
      <Space wrap>
        <Button
          onClick={() => void draft.run(values())}
          loading={draft.pending}
          data-testid="save-draft"
        >
          {t('inspection.score.saveDraft')}
        </Button>
        <Button type="primary" onClick={() => void submit.run(values())} loading={submit.pending} disabled={done.answered < done.total} data-testid="submit-inspection">
          {t('inspection.score.submit')}
        </Button>
        {done.answered < done.total && <Typography.Text type="secondary">{t('inspection.score.answerAll')}</Typography.Text>}
      </Space>
    </Space>
  );
}
