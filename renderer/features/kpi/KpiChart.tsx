import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Kpis } from '../../../shared/kpi';

/** Tickets per day and average first response (hours), drawn with uPlot (small, canvas, no dependencies). */
export function KpiChart({ series, labels }: { series: { start: number; kpis: Kpis }[]; labels: { tickets: string; firstResponse: string } }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const x = series.map((s) => s.start / 1000);
    const tickets = series.map((s) => s.kpis.tickets);
    const firstResponse = series.map((s) => (s.kpis.avgFirstResponseMs === null ? null : s.kpis.avgFirstResponseMs / 3_600_000));
    const accent = getComputedStyle(document.documentElement).getPropertyValue('--accent').trim() || '#2f5bd3';
    const warn = getComputedStyle(document.documentElement).getPropertyValue('--warn').trim() || '#a86200';
    const chart = new uPlot(
      {
        width: Math.min(900, box.current.clientWidth || 900),
        height: 220,
        scales: { x: { time: true }, h: { auto: true } },
        axes: [{}, { label: labels.tickets }, { side: 1, scale: 'h', label: labels.firstResponse, grid: { show: false } }],
        series: [
          {},
          { label: labels.tickets, stroke: accent, fill: `${accent}33`, paths: uPlot.paths.bars!({ size: [0.6, 40] }) },
          { label: labels.firstResponse, stroke: warn, scale: 'h', width: 2 },
        ],
      },
      [x, tickets, firstResponse],
      box.current,
    );
    return () => chart.destroy();
  }, [series, labels.tickets, labels.firstResponse]);
  return <div ref={box} className="kpi-chart" role="img" aria-label={`${labels.tickets}, ${labels.firstResponse}`} />;
}
