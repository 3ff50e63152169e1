// Reads the Hamburg Stadtteilprofile 2014 (shared data, README section 10) for the reproduction tests.
import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';

export const HAMBURG_FILE =
  '/work/shared/data/hamburg-stadtteilprofile-2014/Daten_fuer_die_Stadtteilprofile_2014.xlsx';
export const hamburgAvailable = existsSync(HAMBURG_FILE);

export interface ProfileRow {
  /** Names repeat (Eimsbüttel is a Stadtteil and a Bezirk), so rows are keyed by position. */
  key: string;
  name: string;
  kind: 'stadtteil' | 'bezirk' | 'city';
  population: number;
  under18: number;
  under18Share: number;
  sgb2: number;
  sgb2Share: number;
}

const FIRST_ROW = 5;
const ROWS = 107;
// 1-based sheet columns: A name, B population, C under 18, D share under 18, AL SGB II, AM SGB II share.
const COLUMN = { name: 1, population: 2, under18: 3, under18Share: 4, sgb2: 38, sgb2Share: 39 };

/** The 107 named rows: 99 Stadtteil rows, then the 7 Bezirke and Hamburg, told apart by position. */
export async function readHamburgProfiles(): Promise<ProfileRow[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(HAMBURG_FILE);
  const sheet = workbook.getWorksheet('Stadtteilprofile 2014');
  if (!sheet) throw new Error('sheet "Stadtteilprofile 2014" not found');
  const rows: ProfileRow[] = [];
  for (let i = 0; i < ROWS; i++) {
    const cells = sheet.getRow(FIRST_ROW + i).values as unknown[];
    const kind = i < 99 ? 'stadtteil' : i < 106 ? 'bezirk' : 'city';
    const num = (col: number) => {
      const v = cells[col];
      if (typeof v !== 'number')
        throw new Error(`row ${FIRST_ROW + i}, column ${col}: not a number: ${String(v)}`);
      return v;
    };
    rows.push({
      key: kind === 'city' ? 'hamburg' : `${kind}-${i}`,
      name: String(cells[COLUMN.name]),
      kind,
      population: num(COLUMN.population),
      under18: num(COLUMN.under18),
      under18Share: num(COLUMN.under18Share),
      sgb2: num(COLUMN.sgb2),
      sgb2Share: num(COLUMN.sgb2Share),
    });
  }
  return rows;
}
