/** A failure of a backup or a restore the operator can act on: its message is shown as it is. */
export class BackupError extends Error {}
