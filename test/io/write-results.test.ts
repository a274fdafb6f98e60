import { safeText } from "../../src/io/write-results.js";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { ScoreResult } from "../../src/eval/result.js";
import { streamSink, textSink } from "../../src/io/write-lines.js";
import { csvField, describeAction, resultFormatter, topReasons } from "../../src/io/write-results.js";

const loc = { file: "rules/enterprise.score", line: 4, column: 5 };
const result: ScoreResult = {
  id: "L1",
  model: "enterprise",
  fit: 55,
  engagement: 65,
  score: 120,
  grade: "A1",
  bucket: "SQL",
  excluded: null,
  actions: [{ route: "sales", within: "4h", say: "Offer a product demo" }],
  contributions: [
    {
      rule: "when title in [CEO, CTO, CFO, COO] add 30",
      id: "enterprise.fit.1",
      section: "fit",
      points: 30,
      loc,
    },
    {
      rule: "when industry in [software, fintech, healthcare] add 15",
      id: "enterprise.fit.5",
      section: "fit",
      points: 15,
      loc,
    },
    { rule: "when employees >= 5000 add 10", id: "enterprise.fit.7", section: "fit", points: 10, loc },
    {
      rule: "when event = email_open add 2 each max 10 within 30d",
      id: "enterprise.engagement.1",
      section: "engagement",
      points: 2,
      loc,
    },
    {
      rule: 'when event = page_view where url starts with "/pricing" add 10 each max 30 within 14d',
      id: "enterprise.engagement.3",
      section: "engagement",
      points: 10,
      loc,
    },
    {
      rule: "when event = demo_request add 50 within 30d",
      id: "enterprise.engagement.7",
      section: "engagement",
      points: 50,
      loc,
    },
    {
      rule: "when no event within 90d subtract 20",
      id: "enterprise.engagement.10",
      section: "engagement",
      points: -30,
      loc,
    },
  ],
};

describe("resultFormatter", () => {
  it("writes NDJSON: the result's JSON, one per line", () => {
    const formatter = resultFormatter("ndjson");
    expect(formatter.header).toBeNull();
    expect(formatter.line(result)).toBe(`${JSON.stringify(result)}\n`);
  });

  it("writes CSV rows under a fixed header", () => {
    const formatter = resultFormatter("csv");
    expect(formatter.header).toBe(
      "id,model,fit,engagement,score,grade,bucket,excluded,actions,top_reasons\n",
    );
    expect(formatter.line(result)).toBe(
      'L1,enterprise,55,65,120,A1,SQL,,"route sales within 4h say ""Offer a product demo""",' +
        '"event = demo_request (+50); title in [CEO, CTO, CFO, COO] (+30); no event within 90d (-30)"\n',
    );
  });

  it("leaves missing values empty and joins several actions", () => {
    const unscored: ScoreResult = {
      ...result,
      id: null,
      model: null,
      fit: null,
      engagement: null,
      score: null,
      grade: null,
      bucket: null,
      excluded: "job seeker",
      actions: [{ nurture: "monthly-digest" }, { disqualify: true }, { route: "sdr" }],
      contributions: [],
    };
    expect(resultFormatter("csv").line(unscored)).toBe(
      ',,,,,,,job seeker,"nurture ""monthly-digest""; disqualify; route sdr",\n',
    );
  });
});

describe("describeAction and topReasons", () => {
  it("write actions as the rules do", () => {
    expect(describeAction({ route: "sales", within: "48h" })).toBe("route sales within 48h");
    expect(describeAction({ nurture: "re-engagement" })).toBe('nurture "re-engagement"');
    expect(describeAction({ disqualify: true })).toBe("disqualify");
  });

  it("keep the three largest contributions by size, ties in rule order, zero points left out", () => {
    const tied = [10, -10, 0, 10].map((points, i) => ({
      ...result.contributions[0]!,
      rule: `when x = ${i} add 1`,
      points,
    }));
    expect(topReasons(tied)).toBe("x = 0 (+10); x = 1 (-10); x = 3 (+10)");
    expect(topReasons([])).toBe("");
  });
});

describe("csvField", () => {
  it("quotes only when it must", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField(" padded")).toBe('" padded"');
  });
});

describe("line sinks", () => {
  it("a stream sink waits for drain when the stream is full, and writes everything in order", async () => {
    const received: string[] = [];
    let pendingCallbacks = 0;
    const slow = new Writable({
      highWaterMark: 16,
      write(chunk: Buffer, _encoding, callback) {
        received.push(chunk.toString());
        pendingCallbacks += 1;
        setTimeout(() => {
          pendingCallbacks -= 1;
          callback();
        }, 1);
      },
    });
    const sink = streamSink(slow);
    let waits = 0;
    const line = `${"x".repeat(1000)}\n`;
    for (let i = 0; i < 200; i++) {
      const pending = sink.write(line);
      if (pending !== undefined) {
        waits += 1;
        await pending;
        expect(slow.writableLength).toBeLessThanOrEqual(16);
      }
    }
    await sink.close();
    expect(waits).toBeGreaterThan(0);
    expect(pendingCallbacks).toBe(0);
    expect(received.join("")).toBe(line.repeat(200));
  });

  it("a stream sink reports a stream error on the next write or close", async () => {
    const failing = new Writable({
      write(_chunk, _encoding, callback) {
        callback(new Error("disk full"));
      },
    });
    const sink = streamSink(failing);
    sink.write("a\n");
    await expect(sink.close()).rejects.toThrow("disk full");
  });

  it("a sink takes lines as UTF-8 bytes too, in their place among text lines", async () => {
    const received: Buffer[] = [];
    const sink = streamSink(
      new Writable({
        write(chunk: Buffer, _encoding, callback) {
          received.push(Buffer.from(chunk));
          callback();
        },
      }),
    );
    const bytes = (text: string) => new TextEncoder().encode(text);
    sink.write("a\n");
    await sink.write(bytes("ü😀\nb\n"));
    sink.write("c\n");
    await sink.write(bytes("d\n"));
    await sink.close();
    expect(Buffer.concat(received).toString("utf8")).toBe("a\nü😀\nb\nc\nd\n");
    const texts: string[] = [];
    const text = textSink((written) => texts.push(written));
    text.write("a\n");
    text.write(bytes("ü😀\n"));
    await text.close();
    expect(texts.join("")).toBe("a\nü😀\n");
  });

  it("a text sink batches lines into few writes", async () => {
    const writes: string[] = [];
    const sink = textSink((text) => writes.push(text));
    for (let i = 0; i < 10_000; i++) sink.write("0123456789\n");
    await sink.close();
    expect(writes.join("")).toBe("0123456789\n".repeat(10_000));
    expect(writes.length).toBe(2);
  });
});

describe("CSV cells from lead data cannot run as spreadsheet formulas", () => {
  it("text starting with = + - @ or a control character is written as text", () => {
    expect(safeText("=1+2")).toBe("'=1+2");
    expect(safeText("+33 1 23")).toBe("'+33 1 23");
    expect(safeText("-L1")).toBe("'-L1");
    expect(safeText("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(safeText("\tL1")).toBe("'\tL1");
    expect(safeText("L-1")).toBe("L-1");
    expect(safeText("")).toBe("");
  });
});
