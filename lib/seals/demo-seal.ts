// Demo seals for the demo university and the tests: a round red seal (ring, star, an inner
// ring for the school's 鉴证章) on a transparent background, drawn as a PNG with pngjs.
// Real seals are uploaded by the units and configured by the office.
import { PNG } from "pngjs";

export type DemoSealStyle = "unit" | "college" | "school";

const RED = [200, 16, 30] as const;

/** The outline of a five-pointed star of outer radius r centred at the origin. */
function starOutline(r: number): [number, number][] {
  const points: [number, number][] = [];
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? r : r * 0.382;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push([radius * Math.cos(angle), radius * Math.sin(angle)]);
  }
  return points;
}

function inStar(x: number, y: number, points: [number, number][]): boolean {
  let inside = false; // even-odd rule over the star's outline
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function demoSealPng(style: DemoSealStyle, size = 400): Buffer {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  const c = size / 2;
  const outer = size * 0.48;
  const ring = size * 0.045;
  const star = starOutline(size * (style === "school" ? 0.2 : 0.16));
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const dx = x + 0.5 - c;
      const dy = y + 0.5 - c;
      const d = Math.hypot(dx, dy);
      let on = d <= outer && d >= outer - ring;
      if (style === "school") on ||= d <= outer * 0.8 && d >= outer * 0.8 - ring * 0.4;
      if (style === "college") on ||= Math.abs(dy - size * 0.2) < size * 0.018 && Math.abs(dx) < size * 0.22;
      on ||= Math.abs(dx) < size * 0.2 && Math.abs(dy) < size * 0.25 && inStar(dx, dy + (style === "college" ? size * 0.04 : 0), star);
      const i = (y * size + x) * 4;
      png.data[i] = RED[0];
      png.data[i + 1] = RED[1];
      png.data[i + 2] = RED[2];
      png.data[i + 3] = on ? 235 : 0;
    }
  }
  return PNG.sync.write(png);
}
