import { zxcvbn, zxcvbnOptions } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

zxcvbnOptions.setOptions({
  translations: english.translations,
  graphs: common.adjacencyGraphs,
  dictionary: { ...common.dictionary, ...english.dictionary },
});

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
export const PASSWORD_MIN_SCORE = 3;

export type PasswordVerdict = { ok: true } | { ok: false; message: string; suggestions: string[] };

/**
 * Length 8–128 and a zxcvbn score of at least 3 against common passwords, names and the person's
 * own details; no composition rules (domain.md §9).
 */
export function judgePassword(password: string, personal: string[]): PasswordVerdict {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return {
      ok: false,
      message: `Use at least ${PASSWORD_MIN_LENGTH} characters.`,
      suggestions: ['A few unrelated words make a long, memorable password.'],
    };
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return {
      ok: false,
      message: `Use at most ${PASSWORD_MAX_LENGTH} characters.`,
      suggestions: [],
    };
  }
  const result = zxcvbn(password, personal.filter(Boolean));
  if (result.score >= PASSWORD_MIN_SCORE) return { ok: true };
  const warning = result.feedback.warning ?? '';
  return {
    ok: false,
    message: warning
      ? `This password is too easy to guess: ${warning}`
      : 'This password is too easy to guess.',
    suggestions:
      result.feedback.suggestions.length > 0
        ? result.feedback.suggestions
        : ['Add another word or two; uncommon words are better.'],
  };
}
