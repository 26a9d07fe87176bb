export const helpText = (version: string) => `exportscope ${version}: read a company's personal-data export offline and list what is in it.

Usage:
  exportscope scan <archive|folder|any-part> [--json] [--no-hash] [--mapping <file.json>] [--voices]
  exportscope scan --sample [--json] [--no-hash]
  exportscope bundle <archive> --out <bundle.zip> [--case <case file>] [--facts <facts.json>]
                     [--excerpts <n>] [--sealed-originals]
  exportscope verify <bundle.zip> [--against <archive>] [--root <sha256>]
  exportscope report <archive> --out <folder> --facts <facts.json> [--lang en|de|fr]
                     [--case <case file>] [--bundle <bundle.zip>]
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
  --sample   read the synthetic sample export that ships with Exportscope instead of a path
  --mapping <file.json>
             names the columns of a voice-history CSV whose header Exportscope does not know:
             {"schema": "exportscope.mapping/1", "mappings": [{"file": "Alexa/History.csv",
              "columns": {"time": "Zeitpunkt", "deviceName": "Gerät", "transcript": "Gesagt"}}]}
             A mapping names a "file" (its path in the export) or a header "signature"; "time"
             is required, and the other fields are deviceSerial, deviceType, account, audio,
             response, status and language.
  --voices   also decode every recording and group them by the sound of the voice: the report
             gets "voices" (id, recordings, deviceIds, firstSeen, lastSeen, samples) and each
             recording a "voiceId" (null when too short or quiet to tell). A group is a hint to
             check by listening, never proof of who spoke. Slower: one decode per recording.

bundle  Writes the evidence ZIP for the recordings that are not yours: those the detector calls
        foreign, and with --case the app's case file (its marks decide: 'not mine' adds a
        recording, 'mine' leaves it out; its custody log goes in). It holds manifest.json and
        manifest.csv (per entry: path, size, CRC-32, SHA-256, archive time (local), time (UTC),
        reasons, mark and note), the export's SHA-256, the custody log, a few redacted transcript
        excerpts, a README on how to check it, and SHA256SUMS, the root: the SHA-256 of every
        other file but the letters, which print the root's own SHA-256. No audio and no full
        transcript. The same export and marks give the same manifest.json.
  --case <file>         the case file the app saved for this export
  --facts <file.json>   the complaint's facts, checked before the long work
  --excerpts <n>        how many redacted excerpts (default 5, 0 for none)
  --sealed-originals    also put the flagged recordings' original files under sealed/ (warned:
                        only for an authority or controller that asked, over a secure channel)

verify  Checks a bundle: no file name twice, every file but the letters listed in SHA256SUMS
        (the root) and matching it, each letter's text citing the root's SHA-256, manifest.json
        against its recorded SHA-256, manifest.csv against manifest.json (each row's path, part,
        size, CRC-32 and SHA-256); with --against, also the export's SHA-256 and every listed
        entry's bytes. OK means consistent: whoever rewrites a file and SHA256SUMS gets a
        consistent bundle too, which only the root's SHA-256 in the letters already sent shows.
  --against <archive>   the export, to check the listed entries and its SHA-256
  --root <sha256>       the root's SHA-256 as a letter you sent prints it
        Exit 0 when all match, 3 when anything differs (each difference is listed).

report  Writes the letters into a folder: the notice to the company, the Art. 77 complaint, the
        breach report to the authority, the letter for the person whose recordings they are,
        and the follow-up (only once the company's deadline has passed or it refused); each as
        PDF and as text, with deadline.ics (the plan: deadline, follow-up, complaint), the copy
        panels for the ICO, DPC, CNPD or CNIL web forms, and manifest.json whose SHA-256 every
        letter prints. The authority is the one for where you live (in Germany, your state's),
        with the company's lead authority named; letters to it go in its language (German in
        Germany and Austria, French to the CNIL) with a reading copy in yours. It prints the
        plan and every note. Without --facts it writes facts.template.json to fill in.
        SOURCE_DATE_EPOCH fixes the letters' date. With no recording flagged or marked "not
        mine" it writes no letter and exits 4.
  --facts <file.json>   the complaint's facts (name, address, country, dates, ...)
  --lang en|de|fr       the letters' language (default: the facts' "lang")
  --case <file>         the app's case file: its marks decide which recordings are foreign
  --bundle <bundle.zip> take a bundle already written, so the letters print the SHA-256 of
                        its root SHA256SUMS (the bundle is verified and checked against the
                        export first)

Progress goes to stderr.
Exit status: 0 the export was read (problems are listed in the report); 2 it could not be
opened at all, or the command line was wrong; 3 verify found a difference; 4 report found
nothing to complain about (no recording flagged or marked "not mine"); 1 an internal
error (please report it); 130 cancelled.
`
