import dayjs, { type Dayjs } from 'dayjs'

// antd's pickers hold dayjs values; the form keeps the text the server reads. The picker shows
// the site's wall-clock time as it is, whatever zone the computer is set to.

/** Form.Item props for a picker to the minute whose value is `2017-12-14 16:44`. */
export const minuteItem = {
  getValueProps: (value: string | null | undefined) => ({ value: value ? dayjs(value) : null }),
  normalize: (value: Dayjs | null) => (value ? value.format('YYYY-MM-DD HH:mm') : null),
}

/** Form.Item props for a date picker whose value is `2017-12-14`. */
export const dateItem = {
  getValueProps: (value: string | null | undefined) => ({ value: value ? dayjs(value) : null }),
  normalize: (value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : null),
}
