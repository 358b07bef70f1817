import { mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterEach, describe, expect, it } from 'vitest'
import { pngClaiming } from '../../test/support/hostile-files.ts'
import { TooLargeError, UploadRefusedError } from '../errors/index.ts'
import { acceptUpload, safeDisplayName, storagePathFor, storeUpload } from './index.ts'
import { buildZip, deflatedZeros } from './test-zip.ts'

const MiB = 1024 * 1024

async function refusal(bytes: Buffer, fileName: string, limits = {}): Promise<UploadRefusedError> {
  const error = await acceptUpload({ bytes, fileName }, limits).catch((caught: unknown) => caught)
  expect(error).toBeInstanceOf(UploadRefusedError)
  return error as UploadRefusedError
}

function solid(width: number, height: number) {
  return sharp({ create: { width, height, channels: 3, background: '#1e5aa8' } })
}

const minimalPdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
)
const oleHeader = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(1024)])
const contentTypesXml = { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types/>') }

describe('what an upload is, decided by its content', () => {
  it('refuses a Windows program renamed report.pdf, saying what it really is', async () => {
    const error = await refusal(Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510)]), 'report.pdf')
    expect(error.messages).toEqual({
      zh: '不允许上传此类文件（检测为 Windows 可执行文件）',
      en: 'this kind of file is not allowed (detected: Windows executable)',
    })
  })

  it('refuses a Linux program and a shell script named as documents', async () => {
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(120)])
    expect((await refusal(elf, '通知.docx')).messages.en).toContain('ELF executable')
    const script = Buffer.from('#!/bin/sh\nrm -rf /\n')
    expect((await refusal(script, 'readme.txt')).messages.zh).toContain('检测为 脚本')
  })

  it('refuses an SVG carrying a script and suggests converting it to PNG', async () => {
    const svg = Buffer.from(
      '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>',
    )
    const error = await refusal(svg, 'logo.png')
    expect(error.messages.zh).toContain('请转换为 PNG')
    expect(error.messages.en).toContain('convert the image to PNG')
  })

  it('refuses an HTML page even when it is named .txt', async () => {
    const html = Buffer.from('\ufeff  <!DOCTYPE html><html><body onload="steal()"></body></html>')
    expect((await refusal(html, 'notes.txt')).messages.en).toContain('detected: HTML page')
  })

  it('stores a PDF named 通知.doc as 通知.pdf', async () => {
    const upload = await acceptUpload({ bytes: minimalPdf, fileName: '通知.doc' })
    expect(upload).toMatchObject({ kind: 'attachment', mimeType: 'application/pdf', extension: 'pdf' })
    expect(upload.displayName).toBe('通知.pdf')
    expect(upload.thumbnail).toBeNull()
  })

  it('recognises a Word document named .zip as docx and corrects its name', async () => {
    const docx = buildZip([
      contentTypesXml,
      { name: 'word/document.xml', data: Buffer.from('<w:document/>') },
    ])
    const upload = await acceptUpload({ bytes: docx, fileName: '工作总结.zip' })
    expect(upload.extension).toBe('docx')
    expect(upload.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    expect(upload.displayName).toBe('工作总结.docx')
  })

  it('tells spreadsheets, slides, OFD documents and plain zips apart by their entries', async () => {
    const kinds = await Promise.all(
      [
        [contentTypesXml, { name: 'xl/workbook.xml' }],
        [contentTypesXml, { name: 'ppt/presentation.xml' }],
        [{ name: 'OFD.xml' }, { name: 'Doc_0/Document.xml' }],
        [{ name: '照片/1.jpg', data: Buffer.from('not really') }],
      ].map(
        async (entries) => (await acceptUpload({ bytes: buildZip(entries), fileName: 'x.bin' })).extension,
      ),
    )
    expect(kinds).toEqual(['xlsx', 'pptx', 'ofd', 'zip'])
  })

  it('refuses a Word document carrying macros', async () => {
    const docm = buildZip([contentTypesXml, { name: 'word/document.xml' }, { name: 'word/vbaProject.bin' }])
    expect((await refusal(docm, '报告.docx')).messages.zh).toContain('含宏的 Office 文档')
  })

  it('accepts an old-style Office file only when its name says which one it is', async () => {
    expect((await acceptUpload({ bytes: oleHeader, fileName: '年报.XLS' })).extension).toBe('xls')
    expect((await acceptUpload({ bytes: oleHeader, fileName: '公文.wps' })).mimeType).toBe(
      'application/wps-office.wps',
    )
    expect((await refusal(oleHeader, 'setup.msi')).messages.en).toContain('OLE2 compound file')
  })

  it('accepts UTF-8 text named .txt or .csv', async () => {
    const csv = await acceptUpload({ bytes: Buffer.from('单位,人数\n计量所,12\n'), fileName: '名单.csv' })
    expect(csv).toMatchObject({
      extension: 'csv',
      mimeType: 'text/csv; charset=utf-8',
      displayName: '名单.csv',
    })
    expect((await refusal(Buffer.from('hello'), 'hello.md')).messages.en).toContain(
      'accepted only as .txt or .csv',
    )
  })

  it('refuses a text file with NUL bytes', async () => {
    const error = await refusal(Buffer.from('abc\u0000def'), 'notes.txt')
    expect(error.messages.en).toContain('NUL')
  })

  it('refuses text that is not UTF-8, asking for it to be saved as UTF-8', async () => {
    const gbk = Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0xa3, 0xac, 0xca, 0xc0, 0xbd, 0xe7]) // 你好，世界
    expect((await refusal(gbk, 'notes.txt')).messages.zh).toContain('UTF-8')
  })

  it('refuses an empty file', async () => {
    expect((await refusal(Buffer.alloc(0), 'empty.pdf')).messages.en).toBe('the file is empty')
  })
})

describe('size limits', () => {
  it('refuses a file above the size limit with 413 before looking inside', async () => {
    const bytes = Buffer.concat([minimalPdf, Buffer.alloc(2 * MiB)])
    const error = await acceptUpload({ bytes, fileName: 'big.pdf' }, { maxFileBytes: MiB }).catch((e) => e)
    expect(error).toBeInstanceOf(TooLargeError)
    expect(error.status).toBe(413)
    expect(error.messages.zh).toBe('上传的文件超过上限 1 MB')
  })

  it('uses 20 MiB when no limit is given', async () => {
    const bytes = Buffer.concat([minimalPdf, Buffer.alloc(20 * MiB)])
    await expect(acceptUpload({ bytes, fileName: 'big.pdf' })).rejects.toBeInstanceOf(TooLargeError)
  })
})

describe('images', () => {
  it('refuses a PNG declaring 16000×16000 pixels from its header, without decoding it', async () => {
    const bomb = pngClaiming(16000, 16000)
    expect(bomb.length).toBeLessThan(200)
    const error = await refusal(bomb, 'bomb.png')
    // The pixel message, not the damaged-image one: the tiny pixel data was never read.
    expect(error.messages.zh).toBe('图片像素总数超过上限 4000 万像素，请缩小后再上传')
  })

  it('refuses an image that lies about its size when decoded', async () => {
    const lying = pngClaiming(1000, 1000) // within the limit, but the pixel data is missing
    expect((await refusal(lying, 'lying.png')).messages.zh).toBe('图片无法读取或已损坏')
  })

  it('refuses a damaged JPEG as unreadable', async () => {
    const jpeg = await solid(64, 64).jpeg().toBuffer()
    const damaged = Buffer.concat([jpeg.subarray(0, 20), Buffer.alloc(200, 0x55)])
    expect((await refusal(damaged, 'photo.jpg')).messages.en).toBe('the image cannot be read or is damaged')
  })

  it('removes EXIF and GPS data from a phone photo and stands it upright', async () => {
    const photo = await solid(600, 300)
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExif({
        IFD0: { Make: 'Acme Phone' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 54/1 27/1' },
      })
      .toBuffer()
    const before = await sharp(photo).metadata()
    expect(before.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true) // the GPS IFD pointer tag
    const upload = await acceptUpload({ bytes: photo, fileName: 'IMG_0001.JPG' })
    const after = await sharp(upload.bytes).metadata()
    expect(after.exif).toBeUndefined()
    expect(upload.bytes.includes(Buffer.from('Acme Phone'))).toBe(false)
    expect([after.width, after.height, upload.width, upload.height]).toEqual([300, 600, 300, 600])
    expect(upload).toMatchObject({ kind: 'image', extension: 'jpg', displayName: 'IMG_0001.jpg' })
  })

  it('makes a WebP thumbnail at most 400 px wide for a large PNG', async () => {
    const upload = await acceptUpload({ bytes: await solid(1200, 800).png().toBuffer(), fileName: 'map.png' })
    const thumbnail = await sharp(upload.thumbnail ?? Buffer.alloc(0)).metadata()
    expect([thumbnail.format, thumbnail.width, thumbnail.height]).toEqual(['webp', 400, 267])
    expect(upload.mimeType).toBe('image/png')
  })

  it('does not enlarge a small image for its thumbnail', async () => {
    const upload = await acceptUpload({ bytes: await solid(120, 40).png().toBuffer(), fileName: 'icon.png' })
    expect((await sharp(upload.thumbnail ?? Buffer.alloc(0)).metadata()).width).toBe(120)
  })

  it('keeps an animated GIF animated, with a still thumbnail', async () => {
    const frames = await Promise.all(
      ['#c00', '#0c0', '#00c'].map((c) => solid(40, 30).tint(c).png().toBuffer()),
    )
    const gif = await sharp(frames, { join: { animated: true } })
      .gif()
      .toBuffer()
    const upload = await acceptUpload({ bytes: gif, fileName: '动图.gif' })
    expect((await sharp(upload.bytes).metadata()).pages).toBe(3)
    expect([upload.width, upload.height]).toEqual([40, 30])
    expect((await sharp(upload.thumbnail ?? Buffer.alloc(0)).metadata()).pages ?? 1).toBe(1)
  })

  it('counts every frame of an animation against the pixel limit', async () => {
    const frames = await Promise.all(
      ['#c00', '#0c0', '#00c'].map((c) => solid(100, 100).tint(c).png().toBuffer()),
    )
    const gif = await sharp(frames, { join: { animated: true } })
      .gif()
      .toBuffer()
    expect((await sharp(gif).metadata()).pages).toBe(3)
    const error = await refusal(gif, 'frames.gif', { maxInputPixels: 25_000 })
    expect(error.messages.en).toContain('more than the limit of 25,000 pixels')
  })
})

describe('archives', () => {
  it('refuses a zip bomb: 200 MiB of zeros packed into a few hundred KB', async () => {
    const zeros = await deflatedZeros(200 * MiB)
    const bomb = buildZip([{ name: 'zeros.bin', deflated: zeros }])
    expect(bomb.length).toBeLessThan(MiB)
    expect((await refusal(bomb, 'data.zip')).messages.zh).toContain('压缩炸弹')
  })

  it('refuses a zip whose directory claims more than 512 MiB unpacked', async () => {
    const entries = [1, 2, 3].map((n) => ({
      name: `part${n}.bin`,
      data: Buffer.alloc(10),
      declaredSize: 200 * MiB,
    }))
    const error = await refusal(buildZip(entries), 'data.zip', { maxCompressionRatio: Number.MAX_VALUE })
    expect(error.messages.en).toContain('decompression bomb: it unpacks to more than the limit of 512 MB')
  })

  it('refuses a zip with more entries than allowed', async () => {
    const entries = Array.from({ length: 6 }, (_, n) => ({ name: `${n}.txt` }))
    const error = await refusal(buildZip(entries), 'many.zip', { maxArchiveEntries: 5 })
    expect(error.messages.en).toContain('it holds 6 entries, more than the limit of 5')
  })

  it('refuses a zip it cannot read as damaged', async () => {
    const zip = buildZip([{ name: 'a.txt', data: Buffer.from('hello') }])
    expect((await refusal(zip.subarray(0, zip.length - 10), 'a.zip')).messages.en).toContain('damaged')
  })

  it('refuses a zip whose entries climb out of their folder', async () => {
    const zip = buildZip([{ name: '../../etc/cron.d/evil', data: Buffer.from('* * * * * root sh') }])
    expect((await refusal(zip, 'a.zip')).messages.en).toContain('damaged')
  })
})

describe('the names shown for uploads', () => {
  it('keeps a Chinese name as it is', async () => {
    expect(safeDisplayName('关于2024年计量工作的通知.pdf', 'pdf')).toBe('关于2024年计量工作的通知.pdf')
    const upload = await acceptUpload({ bytes: minimalPdf, fileName: '关于2024年计量工作的通知.pdf' })
    expect(upload.displayName).toBe('关于2024年计量工作的通知.pdf')
  })

  it('drops the folders of a path-climbing name, and stores by hash alone', async () => {
    expect(safeDisplayName('../../etc/passwd.pdf', 'pdf')).toBe('passwd.pdf')
    expect(safeDisplayName('..\\..\\win.ini')).toBe('win.ini')
    expect(safeDisplayName('..', 'pdf')).toBe('file.pdf')
    const upload = await acceptUpload({ bytes: minimalPdf, fileName: '../../etc/passwd.pdf' })
    expect(storagePathFor(upload.sha256, upload.extension)).toMatch(
      /^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}\.pdf$/,
    )
  })

  it('removes control and bidi characters that disguise a name', () => {
    expect(safeDisplayName('invoice\u202Efdp.exe', 'pdf')).toBe('invoicefdp.pdf')
    expect(safeDisplayName('a\u0000b\u0007c\r\n.txt')).toBe('abc.txt')
    expect(safeDisplayName('...hidden.txt')).toBe('hidden.txt')
  })

  it('composes decomposed characters (NFC) so one name is one string', () => {
    expect(safeDisplayName('Cafe\u0301.pdf')).toBe('Café.pdf')
  })

  it('shortens a long name to 120 characters, keeping the extension', () => {
    const name = safeDisplayName(`${'很长的标题'.repeat(40)}.docx`, 'docx')
    expect(Array.from(name)).toHaveLength(120)
    expect(name.endsWith('题.docx')).toBe(true)
  })

  it('names an empty name file.<extension>', () => {
    expect(safeDisplayName('', 'png')).toBe('file.png')
    expect(safeDisplayName('/\u202E/', 'png')).toBe('file.png')
  })
})

describe('storing uploads', () => {
  const roots: string[] = []
  afterEach(async () => {
    await Promise.all(roots.splice(0).map((root) => rm(root, { recursive: true, force: true })))
  })
  async function emptyRoot() {
    const root = await mkdtemp(join(tmpdir(), 'fabu-uploads-'))
    roots.push(root)
    return root
  }

  it('stores the same content once, under the same path', async () => {
    const root = await emptyRoot()
    const first = await acceptUpload({ bytes: minimalPdf, fileName: 'a.pdf' })
    const second = await acceptUpload({ bytes: minimalPdf, fileName: '另一个名字.pdf' })
    const stored = await storeUpload(root, first)
    const written = await stat(join(root, stored.path))
    expect(await storeUpload(root, second)).toEqual(stored)
    expect((await stat(join(root, stored.path))).mtimeMs).toBe(written.mtimeMs)
    expect(await readdir(join(root, stored.path, '..'))).toEqual([`${first.sha256}.pdf`])
    expect(stored).toEqual({ path: storagePathFor(first.sha256, 'pdf'), thumbnailPath: null })
  })

  it('writes an image and its thumbnail beside each other', async () => {
    const root = await emptyRoot()
    const upload = await acceptUpload({ bytes: await solid(800, 600).png().toBuffer(), fileName: 'p.png' })
    const stored = await storeUpload(root, upload)
    const [a, b] = [upload.sha256.slice(0, 2), upload.sha256.slice(2, 4)]
    expect(stored).toEqual({
      path: `${a}/${b}/${upload.sha256}.png`,
      thumbnailPath: `${a}/${b}/${upload.sha256}.thumb.webp`,
    })
    expect((await readdir(join(root, a, b))).sort()).toEqual([
      `${upload.sha256}.png`,
      `${upload.sha256}.thumb.webp`,
    ])
  })

  it('refuses to store bytes under a hash that is not theirs', async () => {
    const upload = await acceptUpload({ bytes: minimalPdf, fileName: 'a.pdf' })
    await expect(storeUpload(await emptyRoot(), { ...upload, bytes: Buffer.from('other') })).rejects.toThrow(
      'does not match',
    )
  })

  it('builds storage paths only from a hex hash and a known extension', () => {
    const hash = 'ab'.repeat(32)
    expect(storagePathFor(hash, 'webp', 'thumb')).toBe(`ab/ab/${hash}.thumb.webp`)
    expect(() => storagePathFor('../../etc/passwd', 'pdf')).toThrow('hex')
    expect(() => storagePathFor(hash.toUpperCase(), 'pdf')).toThrow('hex')
    expect(() => storagePathFor(hash, 'php')).toThrow('not an allowed extension')
    expect(() => storagePathFor(hash, '../pdf')).toThrow('not an allowed extension')
  })
})
