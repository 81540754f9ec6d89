/** For tests: a distinct value for every (image, channel, row, col), so any misplaced byte shows. */
export function pixelValue(image: number, channel: number, row: number, col: number): number {
  return (image * 101 + channel * 61 + row * 7 + col * 3) % 256;
}

/** For tests: bytes of a batch file in the official layout: label, then the R, G and B planes, each 32×32 row-major. */
export function cifarBatchBytes(labels: number[], firstImage = 0): Buffer {
  const bytes = Buffer.alloc(labels.length * 3073);
  labels.forEach((label, i) => {
    const record = i * 3073;
    bytes[record] = label;
    for (let c = 0; c < 3; c++)
      for (let row = 0; row < 32; row++)
        for (let col = 0; col < 32; col++)
          bytes[record + 1 + c * 1024 + row * 32 + col] = pixelValue(firstImage + i, c, row, col);
  });
  return bytes;
}
