export const helpText = (version: string) => `exportscope ${version}: read a company's personal-data export offline and list what is in it.

Usage:
  exportscope scan <archive|folder|any-part> [--json] [--no-hash] [--mapping <file.json>]
  exportscope --help
  exportscope --version

scan    Reads a ZIP (Zip64 and ZIPs inside it included), a tar or tar.gz, an unpacked folder,
        or a multipart export given by any one of its parts, without unpacking it. Prints the
        SHA-256, whom the export names as its owner, what kind of export it is (Amazon Alexa,
        Google Assistant, or plain audio files), every device with whether it is registered to
        the account, how many recordings there are, and every problem met while reading.
  --json     print only the report on stdout, as JSON (schema "exportscope.scan/1"), with
             every recording: time, device, audio file and transcript
  --no-hash  do not compute the SHA-256 of the archive file(s); faster on big exports
  --mapping <file.json>
             names the columns of a voice-history CSV whose header Exportscope does not know:
             {"schema": "exportscope.mapping/1", "mappings": [{"file": "Alexa/History.csv",
              "columns": {"time": "Zeitpunkt", "deviceName": "Gerät", "transcript": "Gesagt"}}]}
             A mapping names a "file" (its path in the export) or a header "signature"; "time"
             is required, and the other fields are deviceSerial, deviceType, account, audio,
             response, status and language.

Progress goes to stderr.
Exit status: 0 the export was read (problems are listed in the report); 2 it could not be
opened at all, or the command line was wrong; 1 an internal error (please report it);
130 cancelled.
`
