/**
 * The state of 企业信息导入 apart from its markup: 导出清单模板, 导入清单文件 (check → upload → start), polling the
 * job every second until it is done, 下载错误报告. One import is followed at a time; the recent imports list shows
 * the others.
 */
import type { RegisterImportJob } from '$shared/api/imports';
import { errorMessage } from '$lib/api/client';
import { uploadAttachment } from '$lib/attachments/upload';
import { saveFile } from '$lib/ui/files';
import {
  fetchAccountNotice,
  fetchReport,
  fetchTemplate,
  fileProblem,
  getImport,
  isFinished,
  POLL_MS,
  startImport,
} from './imports';

export class RegisterImport {
  /** The file being imported. */
  filename = $state('');
  /** 0…1 while the file goes to storage; null otherwise. */
  uploading = $state<number | null>(null);
  starting = $state(false);
  downloading = $state(false);
  /** The import followed (polled while it runs). */
  job = $state<RegisterImportJob | null>(null);
  /** Why the last action failed, to show on top. */
  errorText = $state('');
  /** The last progress request failed (polling goes on). */
  pollError = $state('');
  #timer: ReturnType<typeof setTimeout> | null = null;
  #poll: AbortController | null = null;
  /** Called when a followed import finishes (the page reloads its list). */
  onfinish: (job: RegisterImportJob) => void = () => {};

  readonly busy = $derived(this.uploading !== null || this.starting);

  /** 导出清单模板. */
  async downloadTemplate(): Promise<void> {
    this.errorText = '';
    this.downloading = true;
    try {
      const t = await fetchTemplate();
      saveFile(t.filename, t.contentType, t.contentBase64);
    } catch (e) {
      this.errorText = `导出清单模板失败：${errorMessage(e)}`;
    } finally {
      this.downloading = false;
    }
  }

  /** 导入清单文件: a file was chosen. */
  async choose(file: File): Promise<void> {
    this.stop();
    this.errorText = '';
    this.job = null;
    this.filename = file.name;
    const problem = fileProblem(file);
    if (problem) {
      this.errorText = problem;
      return;
    }
    try {
      this.uploading = 0;
      const { attachmentId } = await uploadAttachment(file, 'register-import', {
        onProgress: (f) => (this.uploading = f),
      });
      this.uploading = null;
      this.starting = true;
      this.follow(await startImport(attachmentId));
    } catch (e) {
      this.errorText = e instanceof Error && e.name === 'UploadError' ? e.message : errorMessage(e);
    } finally {
      this.uploading = null;
      this.starting = false;
    }
  }

  /** Show an import and, while it runs, ask for its progress every second. */
  follow(job: RegisterImportJob): void {
    this.stop();
    this.pollError = '';
    this.job = job;
    this.filename = job.fileName;
    if (!isFinished(job)) this.#schedule(job.importId);
  }

  /** Show an import from the list: asked for in full (its row errors) at once, then followed while it runs. */
  open(job: RegisterImportJob): void {
    this.stop();
    this.pollError = '';
    this.errorText = '';
    this.job = job;
    this.filename = job.fileName;
    void this.#tick(job.importId);
  }

  #schedule(importId: string): void {
    this.#timer = setTimeout(() => void this.#tick(importId), POLL_MS);
  }

  async #tick(importId: string): Promise<void> {
    this.#timer = null;
    this.#poll = new AbortController();
    try {
      const job = await getImport(importId, this.#poll.signal);
      if (this.job?.importId !== importId) return;
      const wasFinished = isFinished(this.job);
      this.pollError = '';
      this.job = job;
      if (!isFinished(job)) this.#schedule(importId);
      else if (!wasFinished) this.onfinish(job);
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') return;
      // A missed answer is not the end of the import: say so and keep asking.
      this.pollError = `获取导入进度失败：${errorMessage(e)}，正在重试…`;
      this.#schedule(importId);
    } finally {
      this.#poll = null;
    }
  }

  /** 下载错误报告. */
  async downloadReport(importId: string): Promise<void> {
    this.errorText = '';
    this.downloading = true;
    try {
      const r = await fetchReport(importId);
      saveFile(r.filename, r.contentType, r.contentBase64);
    } catch (e) {
      this.errorText = `下载错误报告失败：${errorMessage(e)}`;
    } finally {
      this.downloading = false;
    }
  }

  /** 下载开通通知: the new units' one-time passwords — each only once, so say what is left. */
  async downloadAccountNotice(importId: string): Promise<void> {
    this.errorText = '';
    this.downloading = true;
    try {
      const r = await fetchAccountNotice(importId);
      saveFile(r.filename, r.contentType, r.contentBase64);
      if (r.more) this.errorText = '开通通知较多，已下载其中一部分，请再次点击“下载开通通知”下载其余部分。';
    } catch (e) {
      this.errorText = `下载开通通知失败：${errorMessage(e)}`;
    } finally {
      this.downloading = false;
    }
  }

  /** Stop polling (the page is left, or another import is followed). */
  stop(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#poll?.abort();
    this.#poll = null;
  }
}
