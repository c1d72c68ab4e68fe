import { defineErrors } from '../../graphql/app-error';

export type ReceiptErrorCode =
  | 'RECEIPT_FILE_MISSING'
  | 'RECEIPT_EMPTY'
  | 'RECEIPT_TOO_LARGE'
  | 'RECEIPT_TYPE_UNSUPPORTED'
  | 'RECEIPT_IMAGE_UNREADABLE'
  | 'RECEIPT_TOO_MANY_PIXELS'
  | 'RECEIPT_NOT_FOUND'
  | 'RECEIPT_DISCARDED'
  | 'RECEIPT_CONFIRMED'
  | 'RECEIPT_INPUT_INVALID'
  | 'RECEIPT_TRANSACTION_NOT_FOUND';

export const ReceiptError = defineErrors<ReceiptErrorCode>('ReceiptError', {
  RECEIPT_FILE_MISSING: {
    publicCode: 'BAD_USER_INPUT',
    when: '`POST /api/receipts` was not a multipart/form-data request with one file part.',
    action: 'Send the photo as the file part of a multipart/form-data body (field name `file`).',
    message: () => 'Send the receipt photo as a multipart file.',
  },
  RECEIPT_EMPTY: {
    publicCode: 'BAD_USER_INPUT',
    when: 'The uploaded receipt file has no bytes.',
    action: 'Choose the photo again and upload it.',
    message: () => 'The file is empty.',
  },
  RECEIPT_TOO_LARGE: {
    publicCode: 'BAD_USER_INPUT',
    when: 'The uploaded receipt file is larger than details.maxMb megabytes (10 MB); it was not stored.',
    action: 'Take the photo at a lower resolution or compress it, then upload it again.',
    message: (d) => `The file is larger than ${String(d.maxMb)} MB.`,
  },
  RECEIPT_TYPE_UNSUPPORTED: {
    publicCode: 'BAD_USER_INPUT',
    when: 'The uploaded file’s content is not a JPEG, PNG, WebP or HEIC image (the declared content type is not trusted).',
    action: 'Upload a photo in one of those formats.',
    message: () => 'The file is not a JPEG, PNG, WebP or HEIC image.',
  },
  RECEIPT_IMAGE_UNREADABLE: {
    publicCode: 'BAD_USER_INPUT',
    when: 'The uploaded image starts like a supported format but cannot be decoded (truncated or corrupt).',
    action: 'Upload the photo again; if it keeps failing, take it again.',
    message: () => 'The image cannot be read: it is truncated or corrupt.',
  },
  RECEIPT_TOO_MANY_PIXELS: {
    publicCode: 'BAD_USER_INPUT',
    when: 'The image has more than details.maxMegapixels megapixels; it is refused before being decoded.',
    action: 'Upload a smaller photo (a phone camera’s normal setting is fine).',
    message: (d) => `The image has more than ${String(d.maxMegapixels)} megapixels.`,
  },
  RECEIPT_NOT_FOUND: {
    publicCode: 'NOT_FOUND',
    when: 'The id names no receipt of yours (or its image was discarded, for the image endpoint).',
    action: 'List your receipts with `receipts` and use one of their ids.',
    message: () => 'No receipt of yours has this id.',
  },
  RECEIPT_DISCARDED: {
    publicCode: 'CONFLICT',
    when: 'The receipt was discarded: it can no longer be reprocessed or confirmed.',
    action: 'Upload the photo again to scan it anew.',
    message: () => 'This receipt was discarded.',
  },
  RECEIPT_CONFIRMED: {
    publicCode: 'CONFLICT',
    when: '`reprocessReceipt` was called on a receipt already confirmed as a transaction.',
    action: 'Edit the booked transaction instead (its id is the receipt’s transactionId).',
    message: () => 'This receipt is already confirmed.',
  },
  RECEIPT_INPUT_INVALID: {
    publicCode: 'BAD_USER_INPUT',
    when: 'confirmReceipt’s input is not valid: details.field says which (an empty merchant, or text over 500 characters).',
    action: 'Correct that field and confirm again.',
    message: (d) => `${String(d.field)} is not valid: ${String(d.message)}.`,
  },
  RECEIPT_TRANSACTION_NOT_FOUND: {
    publicCode: 'NOT_FOUND',
    when: 'The upload’s `transactionId` form field names no transaction of yours (another person’s, or one not yet synced from the device); nothing was stored.',
    action:
      'Sync the device’s pending transactions first, then upload the photo again with the id of the transaction it was booked as.',
    message: () => 'No transaction of yours has this id.',
  },
});
