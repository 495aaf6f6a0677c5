/** ExcelJS's in-memory Workbook module on its own (see loadExcel in spreadsheet.ts); typed by the package's own types. */
declare module 'exceljs/lib/doc/workbook.js' {
  import type { Workbook } from 'exceljs';
  const WorkbookClass: typeof Workbook;
  export default WorkbookClass;
}
