/** One choice of a select or checkbox group. */
export interface Option {
  readonly value: string;
  readonly label: string;
  readonly disabled?: boolean;
}

/** Choices under a heading (a select's optgroup). */
export interface OptionGroup {
  readonly label: string;
  readonly options: readonly Option[];
}
