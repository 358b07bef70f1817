import type { FastifyReply } from 'fastify'

/** The type of the CSV files staff download: UTF-8, as Excel and WPS open them. */
export const CSV_TYPE = 'text/csv; charset=utf-8'

/**
 * The reply, typed, as a file the browser saves under `fileName` instead of showing it: the
 * server's exports and downloads all answer through here, so they name their files alike.
 *
 * @example
 * return asAttachment(reply, `opinions-${id}.csv`).send(csv)
 */
export function asAttachment(reply: FastifyReply, fileName: string, type: string = CSV_TYPE): FastifyReply {
  return reply.type(type).header('content-disposition', `attachment; filename="${fileName}"`)
}
