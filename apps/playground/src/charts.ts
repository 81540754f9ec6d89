// Small canvas charts: no chart library, a page of plain DOM.

const MARGIN = 36;

function prepareCanvas(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const context = canvas.getContext("2d")!;
  context.clearRect(0, 0, canvas.width, canvas.height);
  context.font = "11px system-ui, sans-serif";
  context.strokeStyle = "#999";
  context.strokeRect(MARGIN, 8, canvas.width - MARGIN - 8, canvas.height - MARGIN - 8);
  return context;
}

/** Maps [min, max] to a pixel range, flipped for the vertical axis. */
function scaleBetween(min: number, max: number, from: number, to: number): (value: number) => number {
  const span = max - min || 1;
  return (value) => from + ((value - min) / span) * (to - from);
}

/** Mean training loss per epoch as a line, on a log scale when it spans more than a decade. */
export function drawLossCurve(canvas: HTMLCanvasElement, losses: readonly number[]): void {
  const context = prepareCanvas(canvas);
  if (losses.length === 0) return;
  const logScale = Math.max(...losses) / Math.min(...losses) > 10;
  const values = logScale ? losses.map(Math.log10) : losses;
  const x = scaleBetween(1, Math.max(losses.length, 2), MARGIN, canvas.width - 8);
  const y = scaleBetween(Math.min(...values), Math.max(...values), canvas.height - MARGIN, 8);
  context.strokeStyle = "#1f6feb";
  context.lineWidth = 2;
  context.beginPath();
  values.forEach((value, i) => (i === 0 ? context.moveTo(x(i + 1), y(value)) : context.lineTo(x(i + 1), y(value))));
  context.stroke();
  context.fillStyle = "#333";
  context.fillText(`epoch ${losses.length}`, canvas.width - 70, canvas.height - MARGIN + 14);
  context.fillText(`loss ${losses[losses.length - 1].toFixed(4)}${logScale ? " (log scale)" : ""}`, MARGIN + 4, 20);
}

/** Predicted against true values, with the diagonal a perfect model would sit on. */
export function drawParityPlot(canvas: HTMLCanvasElement, actual: ArrayLike<number>, predicted: ArrayLike<number>): void {
  const context = prepareCanvas(canvas);
  const all = [...Array.from(actual), ...Array.from(predicted)];
  const [min, max] = [Math.min(...all), Math.max(...all)];
  const x = scaleBetween(min, max, MARGIN, canvas.width - 8);
  const y = scaleBetween(min, max, canvas.height - MARGIN, 8);
  context.strokeStyle = "#d29922";
  context.beginPath();
  context.moveTo(x(min), y(min));
  context.lineTo(x(max), y(max));
  context.stroke();
  context.fillStyle = "rgba(31, 111, 235, 0.35)";
  for (let i = 0; i < actual.length; i++) context.fillRect(x(actual[i]) - 1, y(predicted[i]) - 1, 2, 2);
  context.fillStyle = "#333";
  context.fillText("true →", canvas.width - 50, canvas.height - MARGIN + 14);
  context.fillText("↑ predicted", MARGIN + 4, 20);
}

/** A confusion matrix as an HTML table, cells shaded by their share of the row. */
export function renderConfusionMatrix(table: HTMLTableElement, labels: readonly number[], counts: readonly (readonly number[])[]): void {
  table.replaceChildren();
  const head = table.insertRow();
  head.insertCell().textContent = "true \\ predicted";
  for (const label of labels) head.insertCell().textContent = String(label);
  counts.forEach((row, i) => {
    const line = table.insertRow();
    line.insertCell().textContent = String(labels[i]);
    const total = row.reduce((sum, count) => sum + count, 0) || 1;
    for (const count of row) {
      const cell = line.insertCell();
      cell.textContent = String(count);
      cell.style.background = `rgba(31, 111, 235, ${(count / total).toFixed(2)})`;
    }
  });
}
