// Draws the tray icons (three looks: idle, running, attention) and the app icon, with nothing but
// Node's zlib: a tiny rasterizer (shapes as signed distances, 4×4 supersampling for smooth edges),
// a PNG writer and an ICO container. The outputs are committed; run this again after a change:
//   node scripts/make-tray-icons.mjs
//
// Outputs
//   main/assets/tray/<look>Template.png, <look>Template@2x.png   macOS menu bar (template images:
//       black + alpha, the OS tints them; "Template" at the end of the name is what marks them)
//   main/assets/tray/<look>.png, <look>@2x.png                   Linux (colour)
//   main/assets/tray/<look>.ico                                   Windows (16, 20, 24, 32, 40, 48 px)
//   build/icon.png (1024), build/icons/<n>x<n>.png                electron-builder's app icons
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const TRAY_DIR = join(root, 'main', 'assets', 'tray');
const BUILD_DIR = join(root, 'build');

// ---------------------------------------------------------------------------------------------
// Shapes on a 24-unit design grid: each returns a signed distance (negative inside).

function roundedRect(x0, y0, x1, y1, r) {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const hx = (x1 - x0) / 2 - r;
  const hy = (y1 - y0) / 2 - r;
  return (x, y) => {
    const qx = Math.abs(x - cx) - hx;
    const qy = Math.abs(y - cy) - hy;
    const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
    return outside + Math.min(Math.max(qx, qy), 0) - r;
  };
}

function circle(cx, cy, r) {
  return (x, y) => Math.hypot(x - cx, y - cy) - r;
}

const union = (...shapes) => (x, y) => Math.min(...shapes.map((s) => s(x, y)));
const subtract = (a, b) => (x, y) => Math.max(a(x, y), -b(x, y));

/** A chip: a rounded body with three pins on each side. The GPU, read at 16 px. */
function pins() {
  const list = [];
  for (const c of [8.5, 12, 15.5]) {
    list.push(roundedRect(c - 1, 1.5, c + 1, 5.5, 0.4)); // top
    list.push(roundedRect(c - 1, 18.5, c + 1, 22.5, 0.4)); // bottom
    list.push(roundedRect(1.5, c - 1, 5.5, c + 1, 0.4)); // left
    list.push(roundedRect(18.5, c - 1, 22.5, c + 1, 0.4)); // right
  }
  return union(...list);
}

const BODY = roundedRect(4.5, 4.5, 19.5, 19.5, 2.5);
const BODY_HOLE = roundedRect(6.7, 6.7, 17.3, 17.3, 1.2);
const OUTLINE = union(subtract(BODY, BODY_HOLE), pins());
const FILLED = union(BODY, pins());
const EXCLAMATION = union(roundedRect(11, 8.2, 13, 13.6, 1), circle(12, 15.9, 1.2));

/**
 * The three looks, told apart by shape alone (template images are one colour): idle is an
 * outline, running is solid, attention is an outline with "!" inside.
 */
const LOOKS = {
  idle: { shape: OUTLINE, mark: null, color: [0x8a, 0x93, 0x9e] },
  running: { shape: FILLED, mark: null, color: [0x22, 0xa5, 0x5b] },
  attention: { shape: OUTLINE, mark: EXCLAMATION, color: [0xe5, 0x48, 0x4d] },
};

// ---------------------------------------------------------------------------------------------
// Rasterizing

const SAMPLES = 4;

/** Fraction of the pixel (px, py) covered by `shape`, with the grid scaled to `size` pixels. */
function coverage(shape, px, py, size) {
  const scale = 24 / size;
  let inside = 0;
  for (let sy = 0; sy < SAMPLES; sy += 1) {
    for (let sx = 0; sx < SAMPLES; sx += 1) {
      const x = (px + (sx + 0.5) / SAMPLES) * scale;
      const y = (py + (sy + 0.5) / SAMPLES) * scale;
      if (shape(x, y) <= 0) inside += 1;
    }
  }
  return inside / (SAMPLES * SAMPLES);
}

/** RGBA pixels: `layers` painted in order, each a shape and a colour, over transparency. */
function render(size, layers) {
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (const { shape, rgba } of layers) {
        const cover = coverage(shape, px, py, size) * (rgba[3] / 255);
        if (cover === 0) continue;
        // "over" compositing, in straight (non-premultiplied) alpha
        const outA = cover + a * (1 - cover);
        r = (rgba[0] * cover + r * a * (1 - cover)) / outA;
        g = (rgba[1] * cover + g * a * (1 - cover)) / outA;
        b = (rgba[2] * cover + b * a * (1 - cover)) / outA;
        a = outA;
      }
      const i = (py * size + px) * 4;
      pixels[i] = Math.round(r);
      pixels[i + 1] = Math.round(g);
      pixels[i + 2] = Math.round(b);
      pixels[i + 3] = Math.round(a * 255);
    }
  }
  return { size, pixels };
}

function trayLayers(look, template) {
  const { shape, mark, color } = LOOKS[look];
  const rgb = template ? [0, 0, 0] : color;
  const layers = [{ shape, rgba: [...rgb, 255] }];
  if (mark) layers.push({ shape: mark, rgba: [...rgb, 255] });
  return layers;
}

function appIconLayers() {
  const tile = roundedRect(1, 1, 23, 23, 5);
  const glyph = (x, y) => FILLED(12 + (x - 12) / 0.72, 12 + (y - 12) / 0.72) * 0.72;
  const core = (x, y) => roundedRect(9.3, 9.3, 14.7, 14.7, 1)(x, y);
  return [
    { shape: tile, rgba: [0x1b, 0x4d, 0xd8, 255] },
    { shape: glyph, rgba: [0xff, 0xff, 0xff, 255] },
    { shape: core, rgba: [0x22, 0xc5, 0x5e, 255] },
  ];
}

// ---------------------------------------------------------------------------------------------
// PNG and ICO

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png({ size, pixels }) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  header[10] = 0;
  header[11] = 0;
  header[12] = 0;
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * An ICO with one classic 32-bit DIB per size (BGRA rows bottom-up, then a 1-bit AND mask): the
 * form every Windows version and Chromium's decoder read.
 */
function ico(images) {
  const entries = images.map(({ size, pixels }) => {
    const maskRow = Math.ceil(size / 32) * 4;
    const dib = Buffer.alloc(40 + size * size * 4 + maskRow * size);
    dib.writeUInt32LE(40, 0); // BITMAPINFOHEADER
    dib.writeInt32LE(size, 4);
    dib.writeInt32LE(size * 2, 8); // colour + mask
    dib.writeUInt16LE(1, 12);
    dib.writeUInt16LE(32, 14);
    dib.writeUInt32LE(0, 16); // BI_RGB
    dib.writeUInt32LE(size * size * 4 + maskRow * size, 20);
    for (let y = 0; y < size; y += 1) {
      const src = (size - 1 - y) * size * 4;
      for (let x = 0; x < size; x += 1) {
        const o = 40 + (y * size + x) * 4;
        dib[o] = pixels[src + x * 4 + 2];
        dib[o + 1] = pixels[src + x * 4 + 1];
        dib[o + 2] = pixels[src + x * 4];
        dib[o + 3] = pixels[src + x * 4 + 3];
      }
    }
    // The AND mask stays all zero: the alpha channel carries the transparency.
    return { size, data: dib };
  });
  const header = Buffer.alloc(6 + 16 * entries.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(entries.length, 4);
  let offset = header.length;
  entries.forEach(({ size, data }, i) => {
    const o = 6 + i * 16;
    header[o] = size >= 256 ? 0 : size;
    header[o + 1] = size >= 256 ? 0 : size;
    header[o + 2] = 0;
    header[o + 3] = 0;
    header.writeUInt16LE(1, o + 4);
    header.writeUInt16LE(32, o + 6);
    header.writeUInt32LE(data.length, o + 8);
    header.writeUInt32LE(offset, o + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...entries.map((e) => e.data)]);
}

// ---------------------------------------------------------------------------------------------

function write(path, data) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
  console.log(`  ${path.slice(root.length + 1)} (${data.length} bytes)`);
}

console.log('make-tray-icons:');
for (const look of Object.keys(LOOKS)) {
  // macOS menu bar: 18 pt, and its @2x.
  write(join(TRAY_DIR, `${look}Template.png`), png(render(18, trayLayers(look, true))));
  write(join(TRAY_DIR, `${look}Template@2x.png`), png(render(36, trayLayers(look, true))));
  // Linux: panels are 22–24 px high; Electron scales the 32 px image down cleanly.
  write(join(TRAY_DIR, `${look}.png`), png(render(32, trayLayers(look, false))));
  write(join(TRAY_DIR, `${look}@2x.png`), png(render(64, trayLayers(look, false))));
  // Windows: the notification area picks the size it needs for the display's scale factor.
  write(join(TRAY_DIR, `${look}.ico`), ico([16, 20, 24, 32, 40, 48].map((size) => render(size, trayLayers(look, false)))));
}
write(join(BUILD_DIR, 'icon.png'), png(render(1024, appIconLayers())));
for (const size of [16, 32, 48, 64, 128, 256, 512]) {
  write(join(BUILD_DIR, 'icons', `${size}x${size}.png`), png(render(size, appIconLayers())));
}
