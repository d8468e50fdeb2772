/// The `--help` texts.
public enum CommandHelp {
    public static let overview = """
        officina — co-creation workshops and idea voting

        usage: officina <command> [flags]

          serve                      run the web server (see officina serve --help)
          user add NAME --password-stdin   create a facilitator account
          seed FILE                  load a programme from a JSON file
          export CODE --format F     write a workshop's ranked results (csv, csv-excel, json, html)
          backup FILE                copy a consistent snapshot of the database
          purge-contacts --older-than DAYS   remove contacts of offers given more than DAYS days ago
          migrate --from DB --to DB  copy a database SQLite <-> PostgreSQL, verified

        Every command takes --db FILE (default ./officina.db) and --help.
        """

    public static let serve = """
        usage: officina serve [flags]

          --host ADDRESS             address to listen on (default 127.0.0.1)
          --port N                   port to listen on, 0 for any free port (default 8080)
          --db FILE                  SQLite database (default ./officina.db)
          --web DIR                  browser app folder (default ./web, else web/ beside
                                     the officina binary)
          --seeds DIR                folder with programme.json loaded into an empty database
                                     (default: seeds/ next to the web folder)
          --public-url URL           the address people use, for join links and QR codes
                                     (default: the request's Host); then only its host and
                                     loopback names are served
          --secure-cookies           Secure cookies with the __Host- prefix (serve behind TLS)
          --trusted-proxy CIDR       a proxy whose forwarding header names the client, for rate
                                     limits (repeatable; e.g. 127.0.0.1 or 10.0.0.0/8 or ::1)
          --forwarded-header NAME    the header trusted proxies write: x-forwarded-for (default)
                                     or forwarded (RFC 7239)
          --pbkdf2-iterations N      password hashing cost for new passwords (default 600000)
          --header-timeout SECONDS   time allowed to send a request head (default 10)
          --quiet                    no access log on stdout

        On first start with no facilitator account, a one-time setup link is printed.
        SIGINT or SIGTERM stops the server gracefully, within 5 s.
        """

    public static let user = """
        usage: officina user add NAME --password-stdin [--db FILE] [--pbkdf2-iterations N]

        Creates (or resets the password of) the facilitator NAME; the password is read from standard input.
          echo 'a long passphrase' | officina user add giulia --password-stdin --db ./officina.db
        """

    public static let seed = """
        usage: officina seed FILE [--db FILE]

        Loads a programme (goals and workshops) from a JSON file like seeds/programme.json.
        A malformed file is refused with the path of the offending field; nothing is half-written.
        """

    public static let export = """
        usage: officina export CODE [--format csv|csv-excel|json|html] [--out FILE] [--db FILE]

        Writes the ranked results of workshop CODE (default format csv) to FILE or standard output.
        """

    public static let backup = """
        usage: officina backup FILE [--db FILE]

        Copies a consistent snapshot of the database to FILE, safe while the server runs.
        Restore by stopping the server and replacing the database file with the copy.
        """
}
