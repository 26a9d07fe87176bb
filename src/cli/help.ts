export const helpText = (version: string) => `exportscope ${version}: read a company's personal-data export offline and list what is in it.

Usage:
  exportscope scan <archive|folder|any-part> [--json] [--no-hash]
  exportscope --help
  exportscope --version

scan    Reads a ZIP (Zip64 and ZIPs inside it included), a tar or tar.gz, an unpacked folder,
        or a multipart export given by any one of its parts, without unpacking it. Prints the
        format, size, entries, audio files, the SHA-256 and every problem met while reading.
  --json     print only the report on stdout, as JSON (schema "exportscope.scan/1")
  --no-hash  do not compute the SHA-256 of the archive file(s); faster on big exports

Progress goes to stderr.
Exit status: 0 the export was read (problems are listed in the report); 2 it could not be
opened at all, or the command line was wrong; 1 an internal error (please report it);
130 cancelled.
`
