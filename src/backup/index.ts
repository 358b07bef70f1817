export { type BackupManifest, fabuVersion } from './backup-manifest.ts'
export { type BackupReport, createBackup } from './create-backup.ts'
export { type RestoreReport, restoreBackup } from './restore-backup.ts'
