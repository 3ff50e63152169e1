import { useEffect, useState } from 'preact/hooks';
import { formatPublishedPeriod, periodYear } from '../lib/format.ts';
import { effectivePeriod, periods, pooledFrom, values, valuesKey } from '../state/data.ts';
import { indicatorId, lang, levelId, t, updateView } from '../state/store.ts';

const STEP_MS = 1400;

/** The period as a slider, with play/pause to animate the time series. */
export function PeriodSlider() {
  const list = periods.state.value.data ?? [];
  const current = effectivePeriod.value;
  const index = current ? list.indexOf(current) : -1;
  const [playing, setPlaying] = useState(false);
  const l = lang.value;

  useEffect(() => {
    if (!playing || list.length < 2) return;
    const timer = setInterval(() => {
      const at = list.indexOf(effectivePeriod.peek() ?? '');
      const next = list[(at + 1) % list.length]!;
      void values.prefetch(valuesKey(indicatorId.peek()!, levelId.peek(), list[(at + 2) % list.length]!));
      updateView({ period: next });
    }, STEP_MS);
    return () => clearInterval(timer);
  }, [playing, list]);

  useEffect(() => setPlaying(false), [indicatorId.value, levelId.value]);

  if (!indicatorId.value) return null;
  if (list.length === 0 || index < 0) {
    return (
      <div class="period-slider">
        <span class="field-label">{t('period.label')}</span>{' '}
        <span>{periods.state.value.status === 'loading' ? t('app.loading') : t('period.none')}</span>
      </div>
    );
  }
  const text = formatPublishedPeriod(current!, pooledFrom.value, l);
  return (
    <div class="period-slider">
      <div class="field">
        <label for="period-range">{t('period.label')}</label>
        <div class="slider-row">
          <button type="button" class="play" disabled={list.length < 2} onClick={() => setPlaying(!playing)}>
            <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span>{' '}
            {playing ? t('period.pause') : t('period.play')}
          </button>
          <span class="tick">{periodYear(list[0]!)}</span>
          <input
            id="period-range"
            type="range"
            min={0}
            max={Math.max(0, list.length - 1)}
            step={1}
            value={index}
            disabled={list.length < 2}
            aria-valuetext={text}
            onInput={(e) => updateView({ period: list[Number(e.currentTarget.value)] ?? null })}
          />
          <span class="tick">{periodYear(list.at(-1)!)}</span>
          <output for="period-range" class="period-value">
            {t('period.of', { period: text, index: index + 1, count: list.length })}
          </output>
        </div>
      </div>
    </div>
  );
}
