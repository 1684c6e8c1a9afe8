/**
 * XML for the feeds that send it (Personio), read with fast-xml-parser. A document type declaration is
 * refused before parsing: no feed needs one, and entities declared in it are how an XML bomb expands.
 */
import { XMLParser } from "fast-xml-parser";
import { SourceFailure } from "./fetch-source.ts";

/** `repeated`: the paths (`workzag-jobs.position`) that are lists even when a feed has one item. */
export function readXml(body: string, repeated: readonly string[]): unknown {
  const start = body.trimStart();
  if (!start.startsWith("<")) throw new SourceFailure({ de: "antwortet nicht mit XML", en: "answered no XML" });
  if (/^<(!doctype\s+html|html)\b/i.test(start))
    throw new SourceFailure({ de: "antwortet mit einer Webseite statt mit XML", en: "answered HTML instead of XML" });
  if (/<!DOCTYPE|<!ENTITY/i.test(body))
    throw new SourceFailure({
      de: "das XML enthält eine DOCTYPE- oder ENTITY-Deklaration, die kein Feed braucht: abgelehnt",
      en: "the XML declares a document type or entities, which no feed needs: refused",
    });
  const parser = new XMLParser({
    ignoreAttributes: true,
    // Lists come back as arrays even when a feed has only one item (a single <position>).
    isArray: (_name, path) => repeated.includes(String(path)),
    parseTagValue: false,
    trimValues: true,
    processEntities: true,
    htmlEntities: false,
  });
  try {
    return parser.parse(body);
  } catch (error) {
    const detail = error instanceof Error ? error.message.slice(0, 120) : "unreadable";
    throw new SourceFailure({
      de: `antwortet mit fehlerhaftem XML (${detail})`,
      en: `answered broken XML (${detail})`,
    });
  }
}
