import { describe, expect, it } from "vitest";
import { parseAnalyzeArgs } from "./args.ts";
import { EXIT } from "../../core/errors.ts";

describe("parseAnalyzeArgs", () => {
  it("reads a source, a format and --pretty", () => {
    expect(parseAnalyzeArgs(["a.html", "--format", "text"])).toMatchObject({ source: "a.html", format: "text", ndjson: false });
    expect(parseAnalyzeArgs(["--format=json", "--pretty", "-"])).toMatchObject({ source: "-", format: "json", pretty: true });
    expect(parseAnalyzeArgs([])).toMatchObject({ source: null, format: "json" });
  });

  it("takes the --ndjson file from the next argument, or stdin", () => {
    expect(parseAnalyzeArgs(["--ndjson", "in.ndjson"])).toMatchObject({ ndjson: true, source: "in.ndjson" });
    expect(parseAnalyzeArgs(["--ndjson", "-"])).toMatchObject({ ndjson: true, source: "-" });
    expect(parseAnalyzeArgs(["--ndjson"])).toMatchObject({ ndjson: true, source: null });
    expect(parseAnalyzeArgs(["in.ndjson", "--ndjson"])).toMatchObject({ ndjson: true, source: "in.ndjson" });
  });

  it("refuses unknown options, bad formats, two inputs and incompatible flags with the usage exit code", () => {
    for (const argv of [["--nope"], ["--format", "xml"], ["--format"], ["a", "b"], ["--ndjson", "--format", "text"], ["--ndjson", "--pretty"]]) {
      expect(() => parseAnalyzeArgs(argv), argv.join(" ")).toThrow(expect.objectContaining({ exitCode: EXIT.usage }));
    }
  });
});
