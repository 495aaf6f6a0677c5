/**
 * 导出模板 and 导入账号: the template travels from the API as base64 inside JSON and is handed to the browser's
 * downloads; a chosen .xlsx goes back the same way. The import is all or nothing — any wrong row and nothing is
 * opened, the answer listing every problem as `rows[N].列名` — and may stop part-way on a large file (`pending`),
 * when sending the same file again continues it.
 */
import type { ImportAccountsResponse } from '$shared/api/accounts';
import { ApiError, errorMessage } from '$lib/api/client';
import { fileToBase64, saveFile } from '$lib/ui/files';
import { rowIssues, type RowIssue } from '$lib/ui/form-errors';
import { fetchImportTemplate, importAccounts, importFileProblem } from './accounts';

export class AccountImport {
  /** The file last chosen (kept to continue a `pending` import). */
  filename = $state('');
  importing = $state(false);
  downloading = $state(false);
  result = $state<ImportAccountsResponse | null>(null);
  /** Why the import was refused: the message on top … */
  errorText = $state('');
  /** … and each problem of the file, by row and column when the API names them. */
  issues = $state<RowIssue[]>([]);
  /** Why the template could not be fetched. */
  templateError = $state('');
  #content = '';

  /** 导出模板. */
  async downloadTemplate(): Promise<void> {
    this.templateError = '';
    this.downloading = true;
    try {
      const t = await fetchImportTemplate();
      saveFile(t.filename, t.contentType, t.contentBase64);
    } catch (e) {
      this.templateError = errorMessage(e);
    } finally {
      this.downloading = false;
    }
  }

  /** A file was chosen: check it, read it, send it. Resolves true when accounts were opened. */
  async choose(file: File): Promise<boolean> {
    this.clear();
    this.filename = file.name;
    const problem = importFileProblem(file);
    if (problem) {
      this.errorText = problem;
      return false;
    }
    try {
      this.#content = await fileToBase64(file);
    } catch {
      this.errorText = '无法读取所选文件，请重新选择';
      return false;
    }
    return this.#send();
  }

  /** 继续导入: the same file again, after an answer with rows still `pending`. */
  continue(): Promise<boolean> {
    return this.#content ? this.#send() : Promise.resolve(false);
  }

  clear(): void {
    this.result = null;
    this.errorText = '';
    this.issues = [];
  }

  async #send(): Promise<boolean> {
    this.importing = true;
    this.errorText = '';
    this.issues = [];
    try {
      this.result = await importAccounts(this.filename, this.#content);
      if (this.result.complete) this.#content = '';
      return this.result.created > 0;
    } catch (e) {
      this.result = null;
      this.errorText = errorMessage(e);
      this.issues = e instanceof ApiError ? rowIssues(e) : [];
      return false;
    } finally {
      this.importing = false;
    }
  }
}
