import { useEffect, useRef } from 'react';

declare global {
  interface Window {
    /** Milliseconds from a page's data arriving to its first paint with that data, per page (read by the browser tests). */
    __attainRenderMs?: Record<string, number>;
  }
}

/**
 * Measures how long a page takes to render once its data has arrived: from the moment the last response was
 * parsed (`arrivedAt`, performance.now()) to the frame after React committed it. Only data fetched while the page
 * was open counts; data that came from the cache says nothing about rendering after a fetch.
 */
export function useRenderTiming(name: string, arrivedAt: number | null): void {
  const mountedAt = useRef(performance.now());
  const done = useRef(false);
  useEffect(() => {
    if (arrivedAt === null || done.current || arrivedAt < mountedAt.current) return;
    done.current = true;
    requestAnimationFrame(() =>
      setTimeout(() => {
        const end = performance.now();
        performance.measure(`attain:render:${name}`, { start: arrivedAt, end });
        window.__attainRenderMs = { ...window.__attainRenderMs, [name]: end - arrivedAt };
      }, 0),
    );
  }, [name, arrivedAt]);
}
