# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_mailseal_global_optspecs
    string join \n keyring= at= json q/quiet v/verbose passphrase-file= passphrase-fd= h/help V/version
end

function __fish_mailseal_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_mailseal_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_mailseal_using_subcommand
    set -l cmd (__fish_mailseal_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c mailseal -n "__fish_mailseal_needs_command" -l keyring -d 'Keyring directory [default: $MAILSEAL_HOME, else $XDG_DATA_HOME/mailseal]. Only `keyring import`, `keyring generate`, `keyring group add|import` and `trust anchor add` create it (and say so); every other command refuses a directory that does not exist' -r -F
complete -c mailseal -n "__fish_mailseal_needs_command" -l at -d 'Judge validity, expiry and revocation as of this time (RFC 3339)' -r
complete -c mailseal -n "__fish_mailseal_needs_command" -l passphrase-file -d 'Read the passphrase from the first line of FILE' -r -F
complete -c mailseal -n "__fish_mailseal_needs_command" -l passphrase-fd -d 'Read the passphrase from file descriptor N' -r
complete -c mailseal -n "__fish_mailseal_needs_command" -l json -d 'Print the verdict as JSON (one object per message), and an error as one object {"error", "because", "hint", "exit"}: on stdout, or on stderr for sign, encrypt, decrypt and keyring export, whose stdout is a message or keys'
complete -c mailseal -n "__fish_mailseal_needs_command" -s q -l quiet -d 'Print only errors'
complete -c mailseal -n "__fish_mailseal_needs_command" -s v -l verbose -d 'Print more detail'
complete -c mailseal -n "__fish_mailseal_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailseal -n "__fish_mailseal_needs_command" -s V -l version -d 'Print version'
complete -c mailseal -n "__fish_mailseal_needs_command" -f -a "sign" -d 'Sign a message (multipart/signed, or opaque with --opaque)'
complete -c mailseal -n "__fish_mailseal_needs_command" -f -a "encrypt" -d 'Encrypt a message to its recipients (and optionally sign it)'
complete -c mailseal -n "__fish_mailseal_needs_command" -f -a "decrypt" -d 'Decrypt a message and check any signature inside'
complete -c mailseal -n "__fish_mailseal_needs_command" -f -a "verify" -d 'Verify a message, or every message in directories, Maildirs and mbox files'
complete -c mailseal -n "__fish_mailseal_needs_command" -f -a "keyring" -d 'Manage keys and certificates'
complete -c mailseal -n "__fish_mailseal_needs_command" -f -a "trust" -d 'Manage trust: anchors'
complete -c mailseal -n "__fish_mailseal_needs_command" -f -a "filter" -d 'For mail clients (neomutt, mutt): raw operations on parts and detached signatures with gpg\'s status lines and openssl\'s output, the configuration that uses them, the one-key full check'
complete -c mailseal -n "__fish_mailseal_needs_command" -f -a "send" -d 'Protect a message as the flags and the recipients\' keys say, and hand it to a sendmail-compatible command'
complete -c mailseal -n "__fish_mailseal_needs_command" -f -a "sop" -d 'Stateless OpenPGP (SOP) interface for programs; no keyring, own exit codes'
complete -c mailseal -n "__fish_mailseal_needs_command" -f -a "generate" -d 'Print shell completions or man pages'
complete -c mailseal -n "__fish_mailseal_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mailseal -n "__fish_mailseal_using_subcommand sign" -l signer -d 'Sign with this key (address, fingerprint or name) instead of the From address\'s' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sign" -s o -l output -d 'Write the output to FILE (atomically) instead of standard output' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand sign" -l from -d 'With --wrap: the sender (ADDR or "Name <ADDR>"), who signs and can decrypt' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sign" -l to -d 'With --wrap: a recipient; repeatable, or a comma-separated list' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sign" -l cc -d 'With --wrap: a copy recipient; repeatable, or a comma-separated list' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sign" -l subject -d 'With --wrap: the subject. It goes in the outer header, which is neither encrypted nor signed: put nothing secret in it' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sign" -l keyring -d 'Keyring directory [default: $MAILSEAL_HOME, else $XDG_DATA_HOME/mailseal]. Only `keyring import`, `keyring generate`, `keyring group add|import` and `trust anchor add` create it (and say so); every other command refuses a directory that does not exist' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand sign" -l at -d 'Judge validity, expiry and revocation as of this time (RFC 3339)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sign" -l passphrase-file -d 'Read the passphrase from the first line of FILE' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand sign" -l passphrase-fd -d 'Read the passphrase from file descriptor N' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sign" -l smime -d 'Use S/MIME [default: the protocol every recipient (or the signer) has a valid key in; if both, `prefer-protocol` in mailseal.conf, else OpenPGP]'
complete -c mailseal -n "__fish_mailseal_using_subcommand sign" -l openpgp -d 'Use OpenPGP (PGP/MIME)'
complete -c mailseal -n "__fish_mailseal_using_subcommand sign" -l opaque -d 'Produce an opaque signed message (application/pkcs7-mime; smime-type=signed-data)'
complete -c mailseal -n "__fish_mailseal_using_subcommand sign" -l wrap -d 'Build a message around the input instead of requiring one: UTF-8 text becomes text/plain, anything else an attachment (application/octet-stream) named after the input file; both travel inside the protection'
complete -c mailseal -n "__fish_mailseal_using_subcommand sign" -l json -d 'Print the verdict as JSON (one object per message), and an error as one object {"error", "because", "hint", "exit"}: on stdout, or on stderr for sign, encrypt, decrypt and keyring export, whose stdout is a message or keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand sign" -s q -l quiet -d 'Print only errors'
complete -c mailseal -n "__fish_mailseal_using_subcommand sign" -s v -l verbose -d 'Print more detail'
complete -c mailseal -n "__fish_mailseal_using_subcommand sign" -s h -l help -d 'Print help'
complete -c mailseal -n "__fish_mailseal_using_subcommand encrypt" -s r -l recipient -d 'Recipient (address, fingerprint, name, or a group of `keyring group`); repeatable. Default: every address in To, Cc and Bcc, plus the sender' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand encrypt" -l signer -d 'Sign with this key instead of the From address\'s' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand encrypt" -l cipher -d 'S/MIME content encryption [default: `smime-cipher` in mailseal.conf, else auto]' -r -f -a "auto\t'AES-256-GCM when every recipient is known to read it (their signed mail or certificate says so, or the key is your own), else AES-256-CBC'
aes256-gcm\t'AuthEnvelopedData, AES-256-GCM (integrity-protected)'
aes256-cbc\t'EnvelopedData, AES-256-CBC, for old clients (no integrity protection)'"
complete -c mailseal -n "__fish_mailseal_using_subcommand encrypt" -l key-transport -d 'S/MIME key transport for RSA recipients' -r -f -a "pkcs1\t'RSAES-PKCS1-v1_5'
oaep\t'RSAES-OAEP with SHA-256'"
complete -c mailseal -n "__fish_mailseal_using_subcommand encrypt" -s o -l output -d 'Write the output to FILE (atomically) instead of standard output' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand encrypt" -l from -d 'With --wrap: the sender (ADDR or "Name <ADDR>"), who signs and can decrypt' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand encrypt" -l to -d 'With --wrap: a recipient; repeatable, or a comma-separated list' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand encrypt" -l cc -d 'With --wrap: a copy recipient; repeatable, or a comma-separated list' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand encrypt" -l subject -d 'With --wrap: the subject. It goes in the outer header, which is neither encrypted nor signed: put nothing secret in it' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand encrypt" -l keyring -d 'Keyring directory [default: $MAILSEAL_HOME, else $XDG_DATA_HOME/mailseal]. Only `keyring import`, `keyring generate`, `keyring group add|import` and `trust anchor add` create it (and say so); every other command refuses a directory that does not exist' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand encrypt" -l at -d 'Judge validity, expiry and revocation as of this time (RFC 3339)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand encrypt" -l passphrase-file -d 'Read the passphrase from the first line of FILE' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand encrypt" -l passphrase-fd -d 'Read the passphrase from file descriptor N' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand encrypt" -l sign -d 'Sign inside the encryption (sign, then encrypt)'
complete -c mailseal -n "__fish_mailseal_using_subcommand encrypt" -l smime -d 'Use S/MIME [default: the protocol every recipient (or the signer) has a valid key in; if both, `prefer-protocol` in mailseal.conf, else OpenPGP]'
complete -c mailseal -n "__fish_mailseal_using_subcommand encrypt" -l openpgp -d 'Use OpenPGP (PGP/MIME)'
complete -c mailseal -n "__fish_mailseal_using_subcommand encrypt" -l no-self -d 'Do not add the sender\'s own certificate as a recipient'
complete -c mailseal -n "__fish_mailseal_using_subcommand encrypt" -l trust-any -d 'Also use recipient certificates that are not fully trusted or have expired, with a warning on stderr for each; revoked ones are never used'
complete -c mailseal -n "__fish_mailseal_using_subcommand encrypt" -l wrap -d 'Build a message around the input instead of requiring one: UTF-8 text becomes text/plain, anything else an attachment (application/octet-stream) named after the input file; both travel inside the protection'
complete -c mailseal -n "__fish_mailseal_using_subcommand encrypt" -l json -d 'Print the verdict as JSON (one object per message), and an error as one object {"error", "because", "hint", "exit"}: on stdout, or on stderr for sign, encrypt, decrypt and keyring export, whose stdout is a message or keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand encrypt" -s q -l quiet -d 'Print only errors'
complete -c mailseal -n "__fish_mailseal_using_subcommand encrypt" -s v -l verbose -d 'Print more detail'
complete -c mailseal -n "__fish_mailseal_using_subcommand encrypt" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailseal -n "__fish_mailseal_using_subcommand decrypt" -s o -l output -d 'Write the output to FILE (atomically) instead of standard output' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand decrypt" -l keyring -d 'Keyring directory [default: $MAILSEAL_HOME, else $XDG_DATA_HOME/mailseal]. Only `keyring import`, `keyring generate`, `keyring group add|import` and `trust anchor add` create it (and say so); every other command refuses a directory that does not exist' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand decrypt" -l at -d 'Judge validity, expiry and revocation as of this time (RFC 3339)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand decrypt" -l passphrase-file -d 'Read the passphrase from the first line of FILE' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand decrypt" -l passphrase-fd -d 'Read the passphrase from file descriptor N' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand decrypt" -l legacy-cbc -d 'Accept EnvelopedData (AES-CBC, or 3DES and RC2 in old mail) that no trusted signature inside authenticates; such text may have been altered (EFAIL)'
complete -c mailseal -n "__fish_mailseal_using_subcommand decrypt" -l no-learn -d 'Do not keep the certificates of S/MIME signatures inside that verify [default: `learn-from-mail` in mailseal.conf, else keep them]'
complete -c mailseal -n "__fish_mailseal_using_subcommand decrypt" -l json -d 'Print the verdict as JSON (one object per message), and an error as one object {"error", "because", "hint", "exit"}: on stdout, or on stderr for sign, encrypt, decrypt and keyring export, whose stdout is a message or keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand decrypt" -s q -l quiet -d 'Print only errors'
complete -c mailseal -n "__fish_mailseal_using_subcommand decrypt" -s v -l verbose -d 'Print more detail'
complete -c mailseal -n "__fish_mailseal_using_subcommand decrypt" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailseal -n "__fish_mailseal_using_subcommand verify" -l paths-from -d 'Check the paths listed in FILE ("-": standard input), one message file, directory, Maildir or mbox per line, as a batch' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand verify" -s o -l output -d 'For opaque signed messages: write the verified message to FILE' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand verify" -l keyring -d 'Keyring directory [default: $MAILSEAL_HOME, else $XDG_DATA_HOME/mailseal]. Only `keyring import`, `keyring generate`, `keyring group add|import` and `trust anchor add` create it (and say so); every other command refuses a directory that does not exist' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand verify" -l at -d 'Judge validity, expiry and revocation as of this time (RFC 3339)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand verify" -l passphrase-file -d 'Read the passphrase from the first line of FILE' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand verify" -l passphrase-fd -d 'Read the passphrase from file descriptor N' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand verify" -l no-learn -d 'Do not keep the certificates of S/MIME signatures that verify [default: `learn-from-mail` in mailseal.conf, else keep them]'
complete -c mailseal -n "__fish_mailseal_using_subcommand verify" -l json -d 'Print the verdict as JSON (one object per message), and an error as one object {"error", "because", "hint", "exit"}: on stdout, or on stderr for sign, encrypt, decrypt and keyring export, whose stdout is a message or keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand verify" -s q -l quiet -d 'Print only errors'
complete -c mailseal -n "__fish_mailseal_using_subcommand verify" -s v -l verbose -d 'Print more detail'
complete -c mailseal -n "__fish_mailseal_using_subcommand verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and not __fish_seen_subcommand_from import list export remove generate set-features check group help" -l keyring -d 'Keyring directory [default: $MAILSEAL_HOME, else $XDG_DATA_HOME/mailseal]. Only `keyring import`, `keyring generate`, `keyring group add|import` and `trust anchor add` create it (and say so); every other command refuses a directory that does not exist' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and not __fish_seen_subcommand_from import list export remove generate set-features check group help" -l at -d 'Judge validity, expiry and revocation as of this time (RFC 3339)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and not __fish_seen_subcommand_from import list export remove generate set-features check group help" -l passphrase-file -d 'Read the passphrase from the first line of FILE' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and not __fish_seen_subcommand_from import list export remove generate set-features check group help" -l passphrase-fd -d 'Read the passphrase from file descriptor N' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and not __fish_seen_subcommand_from import list export remove generate set-features check group help" -l json -d 'Print the verdict as JSON (one object per message), and an error as one object {"error", "because", "hint", "exit"}: on stdout, or on stderr for sign, encrypt, decrypt and keyring export, whose stdout is a message or keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and not __fish_seen_subcommand_from import list export remove generate set-features check group help" -s q -l quiet -d 'Print only errors'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and not __fish_seen_subcommand_from import list export remove generate set-features check group help" -s v -l verbose -d 'Print more detail'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and not __fish_seen_subcommand_from import list export remove generate set-features check group help" -s h -l help -d 'Print help'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and not __fish_seen_subcommand_from import list export remove generate set-features check group help" -f -a "import" -d 'Import certificates, keys (PKCS#8, PKCS#12, OpenPGP) and CRLs'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and not __fish_seen_subcommand_from import list export remove generate set-features check group help" -f -a "list" -d 'List certificates and keys of both protocols'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and not __fish_seen_subcommand_from import list export remove generate set-features check group help" -f -a "export" -d 'Export certificates (PEM, armored OpenPGP), with --secret the encrypted keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and not __fish_seen_subcommand_from import list export remove generate set-features check group help" -f -a "remove" -d 'Remove certificates of both protocols; with --secret also their secret keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and not __fish_seen_subcommand_from import list export remove generate set-features check group help" -f -a "generate" -d 'Generate a new key'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and not __fish_seen_subcommand_from import list export remove generate set-features check group help" -f -a "set-features" -d 'Change what your OpenPGP key advertises: SEIPD v1 only, or SEIPD v2 (AEAD) too'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and not __fish_seen_subcommand_from import list export remove generate set-features check group help" -f -a "check" -d 'Check the keyring\'s integrity and consistency'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and not __fish_seen_subcommand_from import list export remove generate set-features check group help" -f -a "group" -d 'Recipient groups: an address (a mailing list) that stands for its members when encrypting, in either protocol'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and not __fish_seen_subcommand_from import list export remove generate set-features check group help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from import" -l keyring -d 'Keyring directory [default: $MAILSEAL_HOME, else $XDG_DATA_HOME/mailseal]. Only `keyring import`, `keyring generate`, `keyring group add|import` and `trust anchor add` create it (and say so); every other command refuses a directory that does not exist' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from import" -l at -d 'Judge validity, expiry and revocation as of this time (RFC 3339)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from import" -l passphrase-file -d 'Read the passphrase from the first line of FILE' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from import" -l passphrase-fd -d 'Read the passphrase from file descriptor N' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from import" -l json -d 'Print the verdict as JSON (one object per message), and an error as one object {"error", "because", "hint", "exit"}: on stdout, or on stderr for sign, encrypt, decrypt and keyring export, whose stdout is a message or keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Print only errors'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from import" -s v -l verbose -d 'Print more detail'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from list" -l keyring -d 'Keyring directory [default: $MAILSEAL_HOME, else $XDG_DATA_HOME/mailseal]. Only `keyring import`, `keyring generate`, `keyring group add|import` and `trust anchor add` create it (and say so); every other command refuses a directory that does not exist' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from list" -l at -d 'Judge validity, expiry and revocation as of this time (RFC 3339)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from list" -l passphrase-file -d 'Read the passphrase from the first line of FILE' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from list" -l passphrase-fd -d 'Read the passphrase from file descriptor N' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from list" -l json -d 'Print the verdict as JSON (one object per message), and an error as one object {"error", "because", "hint", "exit"}: on stdout, or on stderr for sign, encrypt, decrypt and keyring export, whose stdout is a message or keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only errors'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print more detail'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from export" -s o -l output -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from export" -l keyring -d 'Keyring directory [default: $MAILSEAL_HOME, else $XDG_DATA_HOME/mailseal]. Only `keyring import`, `keyring generate`, `keyring group add|import` and `trust anchor add` create it (and say so); every other command refuses a directory that does not exist' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from export" -l at -d 'Judge validity, expiry and revocation as of this time (RFC 3339)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from export" -l passphrase-file -d 'Read the passphrase from the first line of FILE' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from export" -l passphrase-fd -d 'Read the passphrase from file descriptor N' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from export" -l secret -d 'Include the (still passphrase-protected) private keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from export" -l json -d 'Print the verdict as JSON (one object per message), and an error as one object {"error", "because", "hint", "exit"}: on stdout, or on stderr for sign, encrypt, decrypt and keyring export, whose stdout is a message or keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Print only errors'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from export" -s v -l verbose -d 'Print more detail'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from remove" -l keyring -d 'Keyring directory [default: $MAILSEAL_HOME, else $XDG_DATA_HOME/mailseal]. Only `keyring import`, `keyring generate`, `keyring group add|import` and `trust anchor add` create it (and say so); every other command refuses a directory that does not exist' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from remove" -l at -d 'Judge validity, expiry and revocation as of this time (RFC 3339)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from remove" -l passphrase-file -d 'Read the passphrase from the first line of FILE' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from remove" -l passphrase-fd -d 'Read the passphrase from file descriptor N' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from remove" -l secret -d 'Also remove secret keys (your own keys) that match'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from remove" -l json -d 'Print the verdict as JSON (one object per message), and an error as one object {"error", "because", "hint", "exit"}: on stdout, or on stderr for sign, encrypt, decrypt and keyring export, whose stdout is a message or keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print only errors'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'Print more detail'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from generate" -l email -d 'The e-mail address the key is for' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from generate" -l name -d 'The owner\'s name (OpenPGP user ID "NAME <EMAIL>", S/MIME common name)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from generate" -l profile -d 'OpenPGP key version: rfc4880 (v4, the default, readable by GnuPG 2.2) or rfc9580 (v6)' -r -f -a "rfc4880\t'Version 4 keys, which GnuPG 2.2 and every other implementation read'
rfc9580\t'Version 6 keys (RFC 9580), for newer implementations only'"
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from generate" -l algorithm -d 'Key algorithm (S/MIME)' -r -f -a "rsa2048\t''
rsa3072\t''
p256\t''"
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from generate" -l csr -d 'Also write a certificate signing request (PEM) to FILE (S/MIME)' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from generate" -l days -d 'Validity in days [default: 730 for S/MIME; 1095 (three years, as sq) for OpenPGP, where 0 makes a key that never expires]' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from generate" -l keyring -d 'Keyring directory [default: $MAILSEAL_HOME, else $XDG_DATA_HOME/mailseal]. Only `keyring import`, `keyring generate`, `keyring group add|import` and `trust anchor add` create it (and say so); every other command refuses a directory that does not exist' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from generate" -l at -d 'Judge validity, expiry and revocation as of this time (RFC 3339)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from generate" -l passphrase-file -d 'Read the passphrase from the first line of FILE' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from generate" -l passphrase-fd -d 'Read the passphrase from file descriptor N' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from generate" -l smime -d 'An S/MIME key and self-signed certificate'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from generate" -l openpgp -d 'An OpenPGP key: Ed25519 primary key (certify, sign) and X25519 encryption subkey; prints its fingerprint'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from generate" -l json -d 'Print the verdict as JSON (one object per message), and an error as one object {"error", "because", "hint", "exit"}: on stdout, or on stderr for sign, encrypt, decrypt and keyring export, whose stdout is a message or keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from generate" -s q -l quiet -d 'Print only errors'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from generate" -s v -l verbose -d 'Print more detail'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from generate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from set-features" -l keyring -d 'Keyring directory [default: $MAILSEAL_HOME, else $XDG_DATA_HOME/mailseal]. Only `keyring import`, `keyring generate`, `keyring group add|import` and `trust anchor add` create it (and say so); every other command refuses a directory that does not exist' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from set-features" -l at -d 'Judge validity, expiry and revocation as of this time (RFC 3339)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from set-features" -l passphrase-file -d 'Read the passphrase from the first line of FILE' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from set-features" -l passphrase-fd -d 'Read the passphrase from file descriptor N' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from set-features" -l seipd-v1-only -d 'Advertise SEIPD v1 only (mail to you stays readable in GnuPG 2.2)'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from set-features" -l seipd-v2 -d 'Advertise SEIPD v2 (AEAD) as well as v1'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from set-features" -l json -d 'Print the verdict as JSON (one object per message), and an error as one object {"error", "because", "hint", "exit"}: on stdout, or on stderr for sign, encrypt, decrypt and keyring export, whose stdout is a message or keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from set-features" -s q -l quiet -d 'Print only errors'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from set-features" -s v -l verbose -d 'Print more detail'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from set-features" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from check" -l keyring -d 'Keyring directory [default: $MAILSEAL_HOME, else $XDG_DATA_HOME/mailseal]. Only `keyring import`, `keyring generate`, `keyring group add|import` and `trust anchor add` create it (and say so); every other command refuses a directory that does not exist' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from check" -l at -d 'Judge validity, expiry and revocation as of this time (RFC 3339)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from check" -l passphrase-file -d 'Read the passphrase from the first line of FILE' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from check" -l passphrase-fd -d 'Read the passphrase from file descriptor N' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from check" -l json -d 'Print the verdict as JSON (one object per message), and an error as one object {"error", "because", "hint", "exit"}: on stdout, or on stderr for sign, encrypt, decrypt and keyring export, whose stdout is a message or keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Print only errors'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from check" -s v -l verbose -d 'Print more detail'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from group" -l keyring -d 'Keyring directory [default: $MAILSEAL_HOME, else $XDG_DATA_HOME/mailseal]. Only `keyring import`, `keyring generate`, `keyring group add|import` and `trust anchor add` create it (and say so); every other command refuses a directory that does not exist' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from group" -l at -d 'Judge validity, expiry and revocation as of this time (RFC 3339)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from group" -l passphrase-file -d 'Read the passphrase from the first line of FILE' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from group" -l passphrase-fd -d 'Read the passphrase from file descriptor N' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from group" -l json -d 'Print the verdict as JSON (one object per message), and an error as one object {"error", "because", "hint", "exit"}: on stdout, or on stderr for sign, encrypt, decrypt and keyring export, whose stdout is a message or keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from group" -s q -l quiet -d 'Print only errors'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from group" -s v -l verbose -d 'Print more detail'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from group" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from group" -f -a "add" -d 'Add members to a group (creating it)'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from group" -f -a "list" -d 'List the groups and their members (with --json, [{group, members}])'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from group" -f -a "remove" -d 'Remove members from a group, or the whole group when no member is given'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from group" -f -a "import" -d 'Import the `group` lines of a gpg.conf'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from group" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from help" -f -a "import" -d 'Import certificates, keys (PKCS#8, PKCS#12, OpenPGP) and CRLs'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from help" -f -a "list" -d 'List certificates and keys of both protocols'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from help" -f -a "export" -d 'Export certificates (PEM, armored OpenPGP), with --secret the encrypted keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove certificates of both protocols; with --secret also their secret keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from help" -f -a "generate" -d 'Generate a new key'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from help" -f -a "set-features" -d 'Change what your OpenPGP key advertises: SEIPD v1 only, or SEIPD v2 (AEAD) too'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from help" -f -a "check" -d 'Check the keyring\'s integrity and consistency'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from help" -f -a "group" -d 'Recipient groups: an address (a mailing list) that stands for its members when encrypting, in either protocol'
complete -c mailseal -n "__fish_mailseal_using_subcommand keyring; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and not __fish_seen_subcommand_from anchor root pin check help" -l keyring -d 'Keyring directory [default: $MAILSEAL_HOME, else $XDG_DATA_HOME/mailseal]. Only `keyring import`, `keyring generate`, `keyring group add|import` and `trust anchor add` create it (and say so); every other command refuses a directory that does not exist' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and not __fish_seen_subcommand_from anchor root pin check help" -l at -d 'Judge validity, expiry and revocation as of this time (RFC 3339)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and not __fish_seen_subcommand_from anchor root pin check help" -l passphrase-file -d 'Read the passphrase from the first line of FILE' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and not __fish_seen_subcommand_from anchor root pin check help" -l passphrase-fd -d 'Read the passphrase from file descriptor N' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and not __fish_seen_subcommand_from anchor root pin check help" -l json -d 'Print the verdict as JSON (one object per message), and an error as one object {"error", "because", "hint", "exit"}: on stdout, or on stderr for sign, encrypt, decrypt and keyring export, whose stdout is a message or keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and not __fish_seen_subcommand_from anchor root pin check help" -s q -l quiet -d 'Print only errors'
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and not __fish_seen_subcommand_from anchor root pin check help" -s v -l verbose -d 'Print more detail'
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and not __fish_seen_subcommand_from anchor root pin check help" -s h -l help -d 'Print help'
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and not __fish_seen_subcommand_from anchor root pin check help" -f -a "anchor" -d 'Manage X.509 trust anchors'
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and not __fish_seen_subcommand_from anchor root pin check help" -f -a "root" -d 'Make an OpenPGP certificate a web-of-trust root (your own keys are, while not revoked)'
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and not __fish_seen_subcommand_from anchor root pin check help" -f -a "pin" -d 'Pin a binding you checked yourself (by phone, in person): full validity for that fingerprint and address, either protocol'
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and not __fish_seen_subcommand_from anchor root pin check help" -f -a "check" -d 'Explain the validity of the bindings of an address, fingerprint or key ID: the path, its amount, and what is missing'
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and not __fish_seen_subcommand_from anchor root pin check help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and __fish_seen_subcommand_from anchor" -l keyring -d 'Keyring directory [default: $MAILSEAL_HOME, else $XDG_DATA_HOME/mailseal]. Only `keyring import`, `keyring generate`, `keyring group add|import` and `trust anchor add` create it (and say so); every other command refuses a directory that does not exist' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and __fish_seen_subcommand_from anchor" -l at -d 'Judge validity, expiry and revocation as of this time (RFC 3339)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and __fish_seen_subcommand_from anchor" -l passphrase-file -d 'Read the passphrase from the first line of FILE' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and __fish_seen_subcommand_from anchor" -l passphrase-fd -d 'Read the passphrase from file descriptor N' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and __fish_seen_subcommand_from anchor" -l json -d 'Print the verdict as JSON (one object per message), and an error as one object {"error", "because", "hint", "exit"}: on stdout, or on stderr for sign, encrypt, decrypt and keyring export, whose stdout is a message or keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and __fish_seen_subcommand_from anchor" -s q -l quiet -d 'Print only errors'
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and __fish_seen_subcommand_from anchor" -s v -l verbose -d 'Print more detail'
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and __fish_seen_subcommand_from anchor" -s h -l help -d 'Print help'
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and __fish_seen_subcommand_from anchor" -f -a "add" -d 'Trust a CA certificate as an anchor, optionally only for some mail domains'
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and __fish_seen_subcommand_from anchor" -f -a "list" -d 'List trust anchors'
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and __fish_seen_subcommand_from anchor" -f -a "remove" -d 'Remove trust anchors matching a fingerprint or name'
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and __fish_seen_subcommand_from anchor" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and __fish_seen_subcommand_from root" -l amount -d 'How far to believe it, 1 to 120 (120 is full trust)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and __fish_seen_subcommand_from root" -l keyring -d 'Keyring directory [default: $MAILSEAL_HOME, else $XDG_DATA_HOME/mailseal]. Only `keyring import`, `keyring generate`, `keyring group add|import` and `trust anchor add` create it (and say so); every other command refuses a directory that does not exist' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and __fish_seen_subcommand_from root" -l at -d 'Judge validity, expiry and revocation as of this time (RFC 3339)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and __fish_seen_subcommand_from root" -l passphrase-file -d 'Read the passphrase from the first line of FILE' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and __fish_seen_subcommand_from root" -l passphrase-fd -d 'Read the passphrase from file descriptor N' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and __fish_seen_subcommand_from root" -l remove -d 'Stop using it as a root'
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and __fish_seen_subcommand_from root" -l json -d 'Print the verdict as JSON (one object per message), and an error as one object {"error", "because", "hint", "exit"}: on stdout, or on stderr for sign, encrypt, decrypt and keyring export, whose stdout is a message or keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and __fish_seen_subcommand_from root" -s q -l quiet -d 'Print only errors'
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and __fish_seen_subcommand_from root" -s v -l verbose -d 'Print more detail'
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and __fish_seen_subcommand_from root" -s h -l help -d 'Print help'
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and __fish_seen_subcommand_from pin" -l email -d 'The address to pin [default: every address of the certificate]' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and __fish_seen_subcommand_from pin" -l keyring -d 'Keyring directory [default: $MAILSEAL_HOME, else $XDG_DATA_HOME/mailseal]. Only `keyring import`, `keyring generate`, `keyring group add|import` and `trust anchor add` create it (and say so); every other command refuses a directory that does not exist' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and __fish_seen_subcommand_from pin" -l at -d 'Judge validity, expiry and revocation as of this time (RFC 3339)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and __fish_seen_subcommand_from pin" -l passphrase-file -d 'Read the passphrase from the first line of FILE' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and __fish_seen_subcommand_from pin" -l passphrase-fd -d 'Read the passphrase from file descriptor N' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and __fish_seen_subcommand_from pin" -l json -d 'Print the verdict as JSON (one object per message), and an error as one object {"error", "because", "hint", "exit"}: on stdout, or on stderr for sign, encrypt, decrypt and keyring export, whose stdout is a message or keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and __fish_seen_subcommand_from pin" -s q -l quiet -d 'Print only errors'
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and __fish_seen_subcommand_from pin" -s v -l verbose -d 'Print more detail'
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and __fish_seen_subcommand_from pin" -s h -l help -d 'Print help'
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and __fish_seen_subcommand_from check" -l keyring -d 'Keyring directory [default: $MAILSEAL_HOME, else $XDG_DATA_HOME/mailseal]. Only `keyring import`, `keyring generate`, `keyring group add|import` and `trust anchor add` create it (and say so); every other command refuses a directory that does not exist' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and __fish_seen_subcommand_from check" -l at -d 'Judge validity, expiry and revocation as of this time (RFC 3339)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and __fish_seen_subcommand_from check" -l passphrase-file -d 'Read the passphrase from the first line of FILE' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and __fish_seen_subcommand_from check" -l passphrase-fd -d 'Read the passphrase from file descriptor N' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and __fish_seen_subcommand_from check" -l json -d 'Print the verdict as JSON (one object per message), and an error as one object {"error", "because", "hint", "exit"}: on stdout, or on stderr for sign, encrypt, decrypt and keyring export, whose stdout is a message or keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Print only errors'
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and __fish_seen_subcommand_from check" -s v -l verbose -d 'Print more detail'
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help'
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and __fish_seen_subcommand_from help" -f -a "anchor" -d 'Manage X.509 trust anchors'
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and __fish_seen_subcommand_from help" -f -a "root" -d 'Make an OpenPGP certificate a web-of-trust root (your own keys are, while not revoked)'
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and __fish_seen_subcommand_from help" -f -a "pin" -d 'Pin a binding you checked yourself (by phone, in person): full validity for that fingerprint and address, either protocol'
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and __fish_seen_subcommand_from help" -f -a "check" -d 'Explain the validity of the bindings of an address, fingerprint or key ID: the path, its amount, and what is missing'
complete -c mailseal -n "__fish_mailseal_using_subcommand trust; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and not __fish_seen_subcommand_from pgp smime install-config check policy-colors help" -l keyring -d 'Keyring directory [default: $MAILSEAL_HOME, else $XDG_DATA_HOME/mailseal]. Only `keyring import`, `keyring generate`, `keyring group add|import` and `trust anchor add` create it (and say so); every other command refuses a directory that does not exist' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and not __fish_seen_subcommand_from pgp smime install-config check policy-colors help" -l at -d 'Judge validity, expiry and revocation as of this time (RFC 3339)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and not __fish_seen_subcommand_from pgp smime install-config check policy-colors help" -l passphrase-file -d 'Read the passphrase from the first line of FILE' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and not __fish_seen_subcommand_from pgp smime install-config check policy-colors help" -l passphrase-fd -d 'Read the passphrase from file descriptor N' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and not __fish_seen_subcommand_from pgp smime install-config check policy-colors help" -l json -d 'Print the verdict as JSON (one object per message), and an error as one object {"error", "because", "hint", "exit"}: on stdout, or on stderr for sign, encrypt, decrypt and keyring export, whose stdout is a message or keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and not __fish_seen_subcommand_from pgp smime install-config check policy-colors help" -s q -l quiet -d 'Print only errors'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and not __fish_seen_subcommand_from pgp smime install-config check policy-colors help" -s v -l verbose -d 'Print more detail'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and not __fish_seen_subcommand_from pgp smime install-config check policy-colors help" -s h -l help -d 'Print help'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and not __fish_seen_subcommand_from pgp smime install-config check policy-colors help" -f -a "pgp" -d 'OpenPGP operations on parts and detached signatures, with gpg\'s status lines and key listing'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and not __fish_seen_subcommand_from pgp smime install-config check policy-colors help" -f -a "smime" -d 'S/MIME operations on parts and detached signatures, with the output openssl gives'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and not __fish_seen_subcommand_from pgp smime install-config check policy-colors help" -f -a "install-config" -d 'Write the neomutt and mutt configuration that uses mailseal for OpenPGP, S/MIME and sending, and print the line that sources it'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and not __fish_seen_subcommand_from pgp smime install-config check policy-colors help" -f -a "check" -d 'Check a whole message as a mail client pipes it (the one-key full check): every layer, decrypted if need be, the signer against From, the per-domain policy; the verdict in words, never the content'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and not __fish_seen_subcommand_from pgp smime install-config check policy-colors help" -f -a "policy-colors" -d 'Print `color index` lines that mark, in a client\'s index, mail that breaks the per-domain policy of mailseal.conf'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and not __fish_seen_subcommand_from pgp smime install-config check policy-colors help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from pgp" -l keyring -d 'Keyring directory [default: $MAILSEAL_HOME, else $XDG_DATA_HOME/mailseal]. Only `keyring import`, `keyring generate`, `keyring group add|import` and `trust anchor add` create it (and say so); every other command refuses a directory that does not exist' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from pgp" -l at -d 'Judge validity, expiry and revocation as of this time (RFC 3339)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from pgp" -l passphrase-file -d 'Read the passphrase from the first line of FILE' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from pgp" -l passphrase-fd -d 'Read the passphrase from file descriptor N' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from pgp" -l json -d 'Print the verdict as JSON (one object per message), and an error as one object {"error", "because", "hint", "exit"}: on stdout, or on stderr for sign, encrypt, decrypt and keyring export, whose stdout is a message or keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from pgp" -s q -l quiet -d 'Print only errors'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from pgp" -s v -l verbose -d 'Print more detail'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from pgp" -s h -l help -d 'Print help'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from pgp" -f -a "verify" -d 'Verify a detached signature over a part: gpg\'s status lines on --status-fd, the verdict in words on standard output'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from pgp" -f -a "sign" -d 'Sign a part: an armored detached signature (text mode, as `gpg --textmode --detach-sign`) on standard output'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from pgp" -f -a "clearsign" -d 'Clearsign a text for inline PGP: the armored cleartext-signed text on standard output'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from pgp" -f -a "encrypt" -d 'Encrypt a part to key IDs, fingerprints or addresses, and to your own key, optionally signed: an armored message on standard output'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from pgp" -f -a "decrypt" -d 'Decrypt a PGP/MIME part: the MIME entity on standard output, status lines (DECRYPTION_OKAY, signatures inside) on --status-fd'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from pgp" -f -a "decode" -d 'Read an inline PGP block (encrypted, signed or cleartext-signed): the verified or decrypted text on standard output'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from pgp" -f -a "import" -d 'Import keys from a file (a key attached to a message)'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from pgp" -f -a "export" -d 'Export certificates, armored, without local signatures'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from pgp" -f -a "list-keys" -d 'List certificates in gpg\'s --with-colons format, with their validity in mailseal\'s trust model'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from pgp" -f -a "list-secret-keys" -d 'List your own keys (those with secret keys) in gpg\'s --with-colons format (sec, ssb records)'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from pgp" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from smime" -l keyring -d 'Keyring directory [default: $MAILSEAL_HOME, else $XDG_DATA_HOME/mailseal]. Only `keyring import`, `keyring generate`, `keyring group add|import` and `trust anchor add` create it (and say so); every other command refuses a directory that does not exist' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from smime" -l at -d 'Judge validity, expiry and revocation as of this time (RFC 3339)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from smime" -l passphrase-file -d 'Read the passphrase from the first line of FILE' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from smime" -l passphrase-fd -d 'Read the passphrase from file descriptor N' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from smime" -l json -d 'Print the verdict as JSON (one object per message), and an error as one object {"error", "because", "hint", "exit"}: on stdout, or on stderr for sign, encrypt, decrypt and keyring export, whose stdout is a message or keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from smime" -s q -l quiet -d 'Print only errors'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from smime" -s v -l verbose -d 'Print more detail'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from smime" -s h -l help -d 'Print help'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from smime" -f -a "verify" -d 'Verify a detached signature over a part (--content), or an opaque signature (its content goes to standard output); the verdict goes to standard error as openssl\'s "Verification successful" or "Verification failure", then one line per signer'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from smime" -f -a "sign" -d 'Sign a part: a detached DER signature (or opaque with --nodetach) on standard output; the passphrase is the first line of standard input'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from smime" -f -a "encrypt" -d 'Encrypt a part to the certificates in CERTFILE... and to your own certificate: DER on standard output'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from smime" -f -a "decrypt" -d 'Decrypt DER EnvelopedData or AuthEnvelopedData: the MIME entity on standard output; the passphrase is the first line of standard input'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from smime" -f -a "pk7out" -d 'Print the S/MIME signature of a message as PEM PKCS7 (as `openssl smime -pk7out`)'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from smime" -f -a "get-cert" -d 'Print the certificates of a PKCS7 structure or signature as PEM (as `openssl pkcs7 -print_certs`)'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from smime" -f -a "get-signer-cert" -d 'Write the certificate of each good signature whose signer is fully valid for the message\'s From address to FILE as PEM (neomutt\'s sender check; as `openssl smime -verify -signer FILE`)'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from smime" -f -a "get-cert-email" -d 'Print a certificate\'s e-mail addresses, one a line (as `openssl x509 -email`)'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from smime" -f -a "import" -d 'Import certificates into the keyring (a label on standard input is ignored) and bring the key and certificate directories up to date'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from smime" -f -a "export" -d 'Print the keyring\'s certificates matching an address, fingerprint or name as PEM'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from smime" -f -a "sync" -d 'Write the key and certificate directories from the keyring, and print the neomutt settings for them'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from smime" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from install-config" -l sendmail -d 'The delivery command `mailseal send` hands mail to, as words separated by spaces (the client splits it there)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from install-config" -l keyring -d 'Keyring directory [default: $MAILSEAL_HOME, else $XDG_DATA_HOME/mailseal]. Only `keyring import`, `keyring generate`, `keyring group add|import` and `trust anchor add` create it (and say so); every other command refuses a directory that does not exist' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from install-config" -l at -d 'Judge validity, expiry and revocation as of this time (RFC 3339)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from install-config" -l passphrase-file -d 'Read the passphrase from the first line of FILE' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from install-config" -l passphrase-fd -d 'Read the passphrase from file descriptor N' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from install-config" -l json -d 'Print the verdict as JSON (one object per message), and an error as one object {"error", "because", "hint", "exit"}: on stdout, or on stderr for sign, encrypt, decrypt and keyring export, whose stdout is a message or keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from install-config" -s q -l quiet -d 'Print only errors'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from install-config" -s v -l verbose -d 'Print more detail'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from install-config" -s h -l help -d 'Print help'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from check" -l keyring -d 'Keyring directory [default: $MAILSEAL_HOME, else $XDG_DATA_HOME/mailseal]. Only `keyring import`, `keyring generate`, `keyring group add|import` and `trust anchor add` create it (and say so); every other command refuses a directory that does not exist' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from check" -l at -d 'Judge validity, expiry and revocation as of this time (RFC 3339)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from check" -l passphrase-file -d 'Read the passphrase from the first line of FILE' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from check" -l passphrase-fd -d 'Read the passphrase from file descriptor N' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from check" -l json -d 'Print the verdict as JSON (one object per message), and an error as one object {"error", "because", "hint", "exit"}: on stdout, or on stderr for sign, encrypt, decrypt and keyring export, whose stdout is a message or keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Print only errors'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from check" -s v -l verbose -d 'Print more detail'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from policy-colors" -l keyring -d 'Keyring directory [default: $MAILSEAL_HOME, else $XDG_DATA_HOME/mailseal]. Only `keyring import`, `keyring generate`, `keyring group add|import` and `trust anchor add` create it (and say so); every other command refuses a directory that does not exist' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from policy-colors" -l at -d 'Judge validity, expiry and revocation as of this time (RFC 3339)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from policy-colors" -l passphrase-file -d 'Read the passphrase from the first line of FILE' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from policy-colors" -l passphrase-fd -d 'Read the passphrase from file descriptor N' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from policy-colors" -l json -d 'Print the verdict as JSON (one object per message), and an error as one object {"error", "because", "hint", "exit"}: on stdout, or on stderr for sign, encrypt, decrypt and keyring export, whose stdout is a message or keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from policy-colors" -s q -l quiet -d 'Print only errors'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from policy-colors" -s v -l verbose -d 'Print more detail'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from policy-colors" -s h -l help -d 'Print help'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from help" -f -a "pgp" -d 'OpenPGP operations on parts and detached signatures, with gpg\'s status lines and key listing'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from help" -f -a "smime" -d 'S/MIME operations on parts and detached signatures, with the output openssl gives'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from help" -f -a "install-config" -d 'Write the neomutt and mutt configuration that uses mailseal for OpenPGP, S/MIME and sending, and print the line that sources it'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from help" -f -a "check" -d 'Check a whole message as a mail client pipes it (the one-key full check): every layer, decrypted if need be, the signer against From, the per-domain policy; the verdict in words, never the content'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from help" -f -a "policy-colors" -d 'Print `color index` lines that mark, in a client\'s index, mail that breaks the per-domain policy of mailseal.conf'
complete -c mailseal -n "__fish_mailseal_using_subcommand filter; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mailseal -n "__fish_mailseal_using_subcommand send" -l keyring -d 'Keyring directory [default: $MAILSEAL_HOME, else $XDG_DATA_HOME/mailseal]. Only `keyring import`, `keyring generate`, `keyring group add|import` and `trust anchor add` create it (and say so); every other command refuses a directory that does not exist' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand send" -l at -d 'Judge validity, expiry and revocation as of this time (RFC 3339)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand send" -l passphrase-file -d 'Read the passphrase from the first line of FILE' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand send" -l passphrase-fd -d 'Read the passphrase from file descriptor N' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand send" -l encrypt -d 'Encrypt for every recipient (either protocol), or hand nothing over'
complete -c mailseal -n "__fish_mailseal_using_subcommand send" -l encrypt-if-possible -d 'Encrypt when every recipient has a fully valid key, else hand the message over signed (with --sign) or as it is'
complete -c mailseal -n "__fish_mailseal_using_subcommand send" -l sign -d 'Sign the message (inside the encryption when it is encrypted)'
complete -c mailseal -n "__fish_mailseal_using_subcommand send" -l json -d 'Print the verdict as JSON (one object per message), and an error as one object {"error", "because", "hint", "exit"}: on stdout, or on stderr for sign, encrypt, decrypt and keyring export, whose stdout is a message or keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand send" -s q -l quiet -d 'Print only errors'
complete -c mailseal -n "__fish_mailseal_using_subcommand send" -s v -l verbose -d 'Print more detail'
complete -c mailseal -n "__fish_mailseal_using_subcommand send" -s h -l help -d 'Print help'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and not __fish_seen_subcommand_from version list-profiles generate-key extract-cert sign verify encrypt decrypt armor dearmor inline-detach inline-sign inline-verify help" -l keyring -d 'Keyring directory [default: $MAILSEAL_HOME, else $XDG_DATA_HOME/mailseal]. Only `keyring import`, `keyring generate`, `keyring group add|import` and `trust anchor add` create it (and say so); every other command refuses a directory that does not exist' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and not __fish_seen_subcommand_from version list-profiles generate-key extract-cert sign verify encrypt decrypt armor dearmor inline-detach inline-sign inline-verify help" -l at -d 'Judge validity, expiry and revocation as of this time (RFC 3339)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and not __fish_seen_subcommand_from version list-profiles generate-key extract-cert sign verify encrypt decrypt armor dearmor inline-detach inline-sign inline-verify help" -l passphrase-file -d 'Read the passphrase from the first line of FILE' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and not __fish_seen_subcommand_from version list-profiles generate-key extract-cert sign verify encrypt decrypt armor dearmor inline-detach inline-sign inline-verify help" -l passphrase-fd -d 'Read the passphrase from file descriptor N' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and not __fish_seen_subcommand_from version list-profiles generate-key extract-cert sign verify encrypt decrypt armor dearmor inline-detach inline-sign inline-verify help" -l json -d 'Print the verdict as JSON (one object per message), and an error as one object {"error", "because", "hint", "exit"}: on stdout, or on stderr for sign, encrypt, decrypt and keyring export, whose stdout is a message or keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and not __fish_seen_subcommand_from version list-profiles generate-key extract-cert sign verify encrypt decrypt armor dearmor inline-detach inline-sign inline-verify help" -s q -l quiet -d 'Print only errors'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and not __fish_seen_subcommand_from version list-profiles generate-key extract-cert sign verify encrypt decrypt armor dearmor inline-detach inline-sign inline-verify help" -s v -l verbose -d 'Print more detail'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and not __fish_seen_subcommand_from version list-profiles generate-key extract-cert sign verify encrypt decrypt armor dearmor inline-detach inline-sign inline-verify help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and not __fish_seen_subcommand_from version list-profiles generate-key extract-cert sign verify encrypt decrypt armor dearmor inline-detach inline-sign inline-verify help" -f -a "version" -d 'Print the name and version of this implementation'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and not __fish_seen_subcommand_from version list-profiles generate-key extract-cert sign verify encrypt decrypt armor dearmor inline-detach inline-sign inline-verify help" -f -a "list-profiles" -d 'List the profiles a subcommand supports'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and not __fish_seen_subcommand_from version list-profiles generate-key extract-cert sign verify encrypt decrypt armor dearmor inline-detach inline-sign inline-verify help" -f -a "generate-key" -d 'Generate a secret key'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and not __fish_seen_subcommand_from version list-profiles generate-key extract-cert sign verify encrypt decrypt armor dearmor inline-detach inline-sign inline-verify help" -f -a "extract-cert" -d 'Extract the certificate of a secret key (KEYS on stdin)'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and not __fish_seen_subcommand_from version list-profiles generate-key extract-cert sign verify encrypt decrypt armor dearmor inline-detach inline-sign inline-verify help" -f -a "sign" -d 'Make detached signatures of stdin'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and not __fish_seen_subcommand_from version list-profiles generate-key extract-cert sign verify encrypt decrypt armor dearmor inline-detach inline-sign inline-verify help" -f -a "verify" -d 'Verify detached signatures over stdin'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and not __fish_seen_subcommand_from version list-profiles generate-key extract-cert sign verify encrypt decrypt armor dearmor inline-detach inline-sign inline-verify help" -f -a "encrypt" -d 'Encrypt stdin'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and not __fish_seen_subcommand_from version list-profiles generate-key extract-cert sign verify encrypt decrypt armor dearmor inline-detach inline-sign inline-verify help" -f -a "decrypt" -d 'Decrypt stdin'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and not __fish_seen_subcommand_from version list-profiles generate-key extract-cert sign verify encrypt decrypt armor dearmor inline-detach inline-sign inline-verify help" -f -a "armor" -d 'Convert binary OpenPGP data to ASCII armor'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and not __fish_seen_subcommand_from version list-profiles generate-key extract-cert sign verify encrypt decrypt armor dearmor inline-detach inline-sign inline-verify help" -f -a "dearmor" -d 'Convert ASCII-armored OpenPGP data to binary'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and not __fish_seen_subcommand_from version list-profiles generate-key extract-cert sign verify encrypt decrypt armor dearmor inline-detach inline-sign inline-verify help" -f -a "inline-detach" -d 'Split the signatures off an inline-signed message'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and not __fish_seen_subcommand_from version list-profiles generate-key extract-cert sign verify encrypt decrypt armor dearmor inline-detach inline-sign inline-verify help" -f -a "inline-sign" -d 'Make an inline-signed message'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and not __fish_seen_subcommand_from version list-profiles generate-key extract-cert sign verify encrypt decrypt armor dearmor inline-detach inline-sign inline-verify help" -f -a "inline-verify" -d 'Verify an inline-signed message and print its content'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and not __fish_seen_subcommand_from version list-profiles generate-key extract-cert sign verify encrypt decrypt armor dearmor inline-detach inline-sign inline-verify help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from version" -l keyring -d 'Keyring directory [default: $MAILSEAL_HOME, else $XDG_DATA_HOME/mailseal]. Only `keyring import`, `keyring generate`, `keyring group add|import` and `trust anchor add` create it (and say so); every other command refuses a directory that does not exist' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from version" -l at -d 'Judge validity, expiry and revocation as of this time (RFC 3339)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from version" -l passphrase-file -d 'Read the passphrase from the first line of FILE' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from version" -l passphrase-fd -d 'Read the passphrase from file descriptor N' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from version" -l backend -d 'The name and version of the OpenPGP library underneath'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from version" -l extended -d 'Several lines of version information; the first is the plain one'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from version" -l sop-spec -d 'The revision of the SOP draft this implements'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from version" -l json -d 'Print the verdict as JSON (one object per message), and an error as one object {"error", "because", "hint", "exit"}: on stdout, or on stderr for sign, encrypt, decrypt and keyring export, whose stdout is a message or keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from version" -s q -l quiet -d 'Print only errors'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from version" -s v -l verbose -d 'Print more detail'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from version" -s h -l help -d 'Print help'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from list-profiles" -l keyring -d 'Keyring directory [default: $MAILSEAL_HOME, else $XDG_DATA_HOME/mailseal]. Only `keyring import`, `keyring generate`, `keyring group add|import` and `trust anchor add` create it (and say so); every other command refuses a directory that does not exist' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from list-profiles" -l at -d 'Judge validity, expiry and revocation as of this time (RFC 3339)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from list-profiles" -l passphrase-file -d 'Read the passphrase from the first line of FILE' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from list-profiles" -l passphrase-fd -d 'Read the passphrase from file descriptor N' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from list-profiles" -l json -d 'Print the verdict as JSON (one object per message), and an error as one object {"error", "because", "hint", "exit"}: on stdout, or on stderr for sign, encrypt, decrypt and keyring export, whose stdout is a message or keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from list-profiles" -s q -l quiet -d 'Print only errors'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from list-profiles" -s v -l verbose -d 'Print more detail'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from list-profiles" -s h -l help -d 'Print help'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from generate-key" -l with-key-password -d 'Protect the key with the password in PASSWORD (a file, @ENV: or @FD:)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from generate-key" -l profile -d 'default (v4 Ed25519/Cv25519) or rfc9580 (v6)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from generate-key" -l keyring -d 'Keyring directory [default: $MAILSEAL_HOME, else $XDG_DATA_HOME/mailseal]. Only `keyring import`, `keyring generate`, `keyring group add|import` and `trust anchor add` create it (and say so); every other command refuses a directory that does not exist' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from generate-key" -l at -d 'Judge validity, expiry and revocation as of this time (RFC 3339)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from generate-key" -l passphrase-file -d 'Read the passphrase from the first line of FILE' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from generate-key" -l passphrase-fd -d 'Read the passphrase from file descriptor N' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from generate-key" -l no-armor -d 'Write binary OpenPGP data instead of ASCII armor'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from generate-key" -l signing-only -d 'Make a key that can sign but not decrypt'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from generate-key" -l json -d 'Print the verdict as JSON (one object per message), and an error as one object {"error", "because", "hint", "exit"}: on stdout, or on stderr for sign, encrypt, decrypt and keyring export, whose stdout is a message or keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from generate-key" -s q -l quiet -d 'Print only errors'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from generate-key" -s v -l verbose -d 'Print more detail'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from generate-key" -s h -l help -d 'Print help'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from extract-cert" -l keyring -d 'Keyring directory [default: $MAILSEAL_HOME, else $XDG_DATA_HOME/mailseal]. Only `keyring import`, `keyring generate`, `keyring group add|import` and `trust anchor add` create it (and say so); every other command refuses a directory that does not exist' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from extract-cert" -l at -d 'Judge validity, expiry and revocation as of this time (RFC 3339)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from extract-cert" -l passphrase-file -d 'Read the passphrase from the first line of FILE' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from extract-cert" -l passphrase-fd -d 'Read the passphrase from file descriptor N' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from extract-cert" -l no-armor -d 'Write binary OpenPGP data instead of ASCII armor'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from extract-cert" -l json -d 'Print the verdict as JSON (one object per message), and an error as one object {"error", "because", "hint", "exit"}: on stdout, or on stderr for sign, encrypt, decrypt and keyring export, whose stdout is a message or keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from extract-cert" -s q -l quiet -d 'Print only errors'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from extract-cert" -s v -l verbose -d 'Print more detail'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from extract-cert" -s h -l help -d 'Print help'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from sign" -l as -d 'Sign binary data or UTF-8 text' -r -f -a "binary\t'Sign or encrypt the bytes as they are'
text\t'UTF-8 text: line endings are canonicalised to CRLF for the signature'"
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from sign" -l with-key-password -d 'Try the password in PASSWORD to unlock protected keys (repeatable)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from sign" -l micalg-out -d 'Write the digest algorithm (e.g. pgp-sha512) to MICALG' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from sign" -l keyring -d 'Keyring directory [default: $MAILSEAL_HOME, else $XDG_DATA_HOME/mailseal]. Only `keyring import`, `keyring generate`, `keyring group add|import` and `trust anchor add` create it (and say so); every other command refuses a directory that does not exist' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from sign" -l at -d 'Judge validity, expiry and revocation as of this time (RFC 3339)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from sign" -l passphrase-file -d 'Read the passphrase from the first line of FILE' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from sign" -l passphrase-fd -d 'Read the passphrase from file descriptor N' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from sign" -l no-armor -d 'Write binary OpenPGP data instead of ASCII armor'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from sign" -l json -d 'Print the verdict as JSON (one object per message), and an error as one object {"error", "because", "hint", "exit"}: on stdout, or on stderr for sign, encrypt, decrypt and keyring export, whose stdout is a message or keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from sign" -s q -l quiet -d 'Print only errors'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from sign" -s v -l verbose -d 'Print more detail'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from sign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from verify" -l not-before -d 'Ignore signatures made before DATE (ISO 8601, "now" or "-")' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from verify" -l not-after -d 'Ignore signatures made after DATE [default: now]' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from verify" -l keyring -d 'Keyring directory [default: $MAILSEAL_HOME, else $XDG_DATA_HOME/mailseal]. Only `keyring import`, `keyring generate`, `keyring group add|import` and `trust anchor add` create it (and say so); every other command refuses a directory that does not exist' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from verify" -l at -d 'Judge validity, expiry and revocation as of this time (RFC 3339)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from verify" -l passphrase-file -d 'Read the passphrase from the first line of FILE' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from verify" -l passphrase-fd -d 'Read the passphrase from file descriptor N' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from verify" -l json -d 'Print the verdict as JSON (one object per message), and an error as one object {"error", "because", "hint", "exit"}: on stdout, or on stderr for sign, encrypt, decrypt and keyring export, whose stdout is a message or keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from verify" -s q -l quiet -d 'Print only errors'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from verify" -s v -l verbose -d 'Print more detail'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from encrypt" -l as -d 'Encrypt binary data or UTF-8 text' -r -f -a "binary\t'Sign or encrypt the bytes as they are'
text\t'UTF-8 text: line endings are canonicalised to CRLF for the signature'"
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from encrypt" -l with-password -d 'Also encrypt with the password in PASSWORD (repeatable)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from encrypt" -l sign-with -d 'Sign with these secret keys (repeatable)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from encrypt" -l with-key-password -d 'Try the password in PASSWORD to unlock protected keys (repeatable)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from encrypt" -l profile -d 'default (SEIPD v2 if every recipient has it) or rfc4880 (SEIPD v1)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from encrypt" -l session-key-out -d 'Write the session key to SESSIONKEY' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from encrypt" -l keyring -d 'Keyring directory [default: $MAILSEAL_HOME, else $XDG_DATA_HOME/mailseal]. Only `keyring import`, `keyring generate`, `keyring group add|import` and `trust anchor add` create it (and say so); every other command refuses a directory that does not exist' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from encrypt" -l at -d 'Judge validity, expiry and revocation as of this time (RFC 3339)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from encrypt" -l passphrase-file -d 'Read the passphrase from the first line of FILE' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from encrypt" -l passphrase-fd -d 'Read the passphrase from file descriptor N' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from encrypt" -l no-armor -d 'Write binary OpenPGP data instead of ASCII armor'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from encrypt" -l json -d 'Print the verdict as JSON (one object per message), and an error as one object {"error", "because", "hint", "exit"}: on stdout, or on stderr for sign, encrypt, decrypt and keyring export, whose stdout is a message or keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from encrypt" -s q -l quiet -d 'Print only errors'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from encrypt" -s v -l verbose -d 'Print more detail'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from encrypt" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from decrypt" -l session-key-out -d 'Write the session key to SESSIONKEY' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from decrypt" -l with-session-key -d 'Try the session key in SESSIONKEY (repeatable)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from decrypt" -l with-password -d 'Try the password in PASSWORD (repeatable)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from decrypt" -l with-key-password -d 'Try the password in PASSWORD to unlock protected keys (repeatable)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from decrypt" -l verifications-out -d 'Write the good signatures to VERIFICATIONS (needs --verify-with)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from decrypt" -l verify-with -d 'Verify signatures by these certificates (repeatable)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from decrypt" -l verify-not-before -d 'Ignore signatures made before DATE' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from decrypt" -l verify-not-after -d 'Ignore signatures made after DATE [default: now]' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from decrypt" -l keyring -d 'Keyring directory [default: $MAILSEAL_HOME, else $XDG_DATA_HOME/mailseal]. Only `keyring import`, `keyring generate`, `keyring group add|import` and `trust anchor add` create it (and say so); every other command refuses a directory that does not exist' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from decrypt" -l at -d 'Judge validity, expiry and revocation as of this time (RFC 3339)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from decrypt" -l passphrase-file -d 'Read the passphrase from the first line of FILE' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from decrypt" -l passphrase-fd -d 'Read the passphrase from file descriptor N' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from decrypt" -l json -d 'Print the verdict as JSON (one object per message), and an error as one object {"error", "because", "hint", "exit"}: on stdout, or on stderr for sign, encrypt, decrypt and keyring export, whose stdout is a message or keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from decrypt" -s q -l quiet -d 'Print only errors'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from decrypt" -s v -l verbose -d 'Print more detail'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from decrypt" -s h -l help -d 'Print help'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from armor" -l label -d 'The kind of data' -r -f -a "auto\t'Chosen from the first packet'
sig\t'PGP SIGNATURE'
key\t'PGP PRIVATE KEY BLOCK'
cert\t'PGP PUBLIC KEY BLOCK'
message\t'PGP MESSAGE'"
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from armor" -l keyring -d 'Keyring directory [default: $MAILSEAL_HOME, else $XDG_DATA_HOME/mailseal]. Only `keyring import`, `keyring generate`, `keyring group add|import` and `trust anchor add` create it (and say so); every other command refuses a directory that does not exist' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from armor" -l at -d 'Judge validity, expiry and revocation as of this time (RFC 3339)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from armor" -l passphrase-file -d 'Read the passphrase from the first line of FILE' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from armor" -l passphrase-fd -d 'Read the passphrase from file descriptor N' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from armor" -l json -d 'Print the verdict as JSON (one object per message), and an error as one object {"error", "because", "hint", "exit"}: on stdout, or on stderr for sign, encrypt, decrypt and keyring export, whose stdout is a message or keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from armor" -s q -l quiet -d 'Print only errors'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from armor" -s v -l verbose -d 'Print more detail'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from armor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from dearmor" -l keyring -d 'Keyring directory [default: $MAILSEAL_HOME, else $XDG_DATA_HOME/mailseal]. Only `keyring import`, `keyring generate`, `keyring group add|import` and `trust anchor add` create it (and say so); every other command refuses a directory that does not exist' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from dearmor" -l at -d 'Judge validity, expiry and revocation as of this time (RFC 3339)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from dearmor" -l passphrase-file -d 'Read the passphrase from the first line of FILE' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from dearmor" -l passphrase-fd -d 'Read the passphrase from file descriptor N' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from dearmor" -l json -d 'Print the verdict as JSON (one object per message), and an error as one object {"error", "because", "hint", "exit"}: on stdout, or on stderr for sign, encrypt, decrypt and keyring export, whose stdout is a message or keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from dearmor" -s q -l quiet -d 'Print only errors'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from dearmor" -s v -l verbose -d 'Print more detail'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from dearmor" -s h -l help -d 'Print help'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from inline-detach" -l signatures-out -d 'Write the signatures to SIGNATURES' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from inline-detach" -l keyring -d 'Keyring directory [default: $MAILSEAL_HOME, else $XDG_DATA_HOME/mailseal]. Only `keyring import`, `keyring generate`, `keyring group add|import` and `trust anchor add` create it (and say so); every other command refuses a directory that does not exist' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from inline-detach" -l at -d 'Judge validity, expiry and revocation as of this time (RFC 3339)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from inline-detach" -l passphrase-file -d 'Read the passphrase from the first line of FILE' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from inline-detach" -l passphrase-fd -d 'Read the passphrase from file descriptor N' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from inline-detach" -l no-armor -d 'Write binary OpenPGP data instead of ASCII armor'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from inline-detach" -l json -d 'Print the verdict as JSON (one object per message), and an error as one object {"error", "because", "hint", "exit"}: on stdout, or on stderr for sign, encrypt, decrypt and keyring export, whose stdout is a message or keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from inline-detach" -s q -l quiet -d 'Print only errors'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from inline-detach" -s v -l verbose -d 'Print more detail'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from inline-detach" -s h -l help -d 'Print help'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from inline-sign" -l as -d 'Sign binary data, UTF-8 text, or make a cleartext signature' -r -f -a "binary\t'A signed OpenPGP message of the bytes as they are'
text\t'A signed OpenPGP message of UTF-8 text'
clearsigned\t'A cleartext-signed message (always armored)'"
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from inline-sign" -l with-key-password -d 'Try the password in PASSWORD to unlock protected keys (repeatable)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from inline-sign" -l keyring -d 'Keyring directory [default: $MAILSEAL_HOME, else $XDG_DATA_HOME/mailseal]. Only `keyring import`, `keyring generate`, `keyring group add|import` and `trust anchor add` create it (and say so); every other command refuses a directory that does not exist' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from inline-sign" -l at -d 'Judge validity, expiry and revocation as of this time (RFC 3339)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from inline-sign" -l passphrase-file -d 'Read the passphrase from the first line of FILE' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from inline-sign" -l passphrase-fd -d 'Read the passphrase from file descriptor N' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from inline-sign" -l no-armor -d 'Write binary OpenPGP data instead of ASCII armor'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from inline-sign" -l json -d 'Print the verdict as JSON (one object per message), and an error as one object {"error", "because", "hint", "exit"}: on stdout, or on stderr for sign, encrypt, decrypt and keyring export, whose stdout is a message or keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from inline-sign" -s q -l quiet -d 'Print only errors'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from inline-sign" -s v -l verbose -d 'Print more detail'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from inline-sign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from inline-verify" -l not-before -d 'Ignore signatures made before DATE (ISO 8601, "now" or "-")' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from inline-verify" -l not-after -d 'Ignore signatures made after DATE [default: now]' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from inline-verify" -l verifications-out -d 'Write the good signatures to VERIFICATIONS' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from inline-verify" -l keyring -d 'Keyring directory [default: $MAILSEAL_HOME, else $XDG_DATA_HOME/mailseal]. Only `keyring import`, `keyring generate`, `keyring group add|import` and `trust anchor add` create it (and say so); every other command refuses a directory that does not exist' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from inline-verify" -l at -d 'Judge validity, expiry and revocation as of this time (RFC 3339)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from inline-verify" -l passphrase-file -d 'Read the passphrase from the first line of FILE' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from inline-verify" -l passphrase-fd -d 'Read the passphrase from file descriptor N' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from inline-verify" -l json -d 'Print the verdict as JSON (one object per message), and an error as one object {"error", "because", "hint", "exit"}: on stdout, or on stderr for sign, encrypt, decrypt and keyring export, whose stdout is a message or keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from inline-verify" -s q -l quiet -d 'Print only errors'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from inline-verify" -s v -l verbose -d 'Print more detail'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from inline-verify" -s h -l help -d 'Print help'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from help" -f -a "version" -d 'Print the name and version of this implementation'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from help" -f -a "list-profiles" -d 'List the profiles a subcommand supports'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from help" -f -a "generate-key" -d 'Generate a secret key'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from help" -f -a "extract-cert" -d 'Extract the certificate of a secret key (KEYS on stdin)'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from help" -f -a "sign" -d 'Make detached signatures of stdin'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Verify detached signatures over stdin'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from help" -f -a "encrypt" -d 'Encrypt stdin'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from help" -f -a "decrypt" -d 'Decrypt stdin'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from help" -f -a "armor" -d 'Convert binary OpenPGP data to ASCII armor'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from help" -f -a "dearmor" -d 'Convert ASCII-armored OpenPGP data to binary'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from help" -f -a "inline-detach" -d 'Split the signatures off an inline-signed message'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from help" -f -a "inline-sign" -d 'Make an inline-signed message'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from help" -f -a "inline-verify" -d 'Verify an inline-signed message and print its content'
complete -c mailseal -n "__fish_mailseal_using_subcommand sop; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mailseal -n "__fish_mailseal_using_subcommand generate" -l dir -d 'Output directory' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand generate" -l keyring -d 'Keyring directory [default: $MAILSEAL_HOME, else $XDG_DATA_HOME/mailseal]. Only `keyring import`, `keyring generate`, `keyring group add|import` and `trust anchor add` create it (and say so); every other command refuses a directory that does not exist' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand generate" -l at -d 'Judge validity, expiry and revocation as of this time (RFC 3339)' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand generate" -l passphrase-file -d 'Read the passphrase from the first line of FILE' -r -F
complete -c mailseal -n "__fish_mailseal_using_subcommand generate" -l passphrase-fd -d 'Read the passphrase from file descriptor N' -r
complete -c mailseal -n "__fish_mailseal_using_subcommand generate" -l json -d 'Print the verdict as JSON (one object per message), and an error as one object {"error", "because", "hint", "exit"}: on stdout, or on stderr for sign, encrypt, decrypt and keyring export, whose stdout is a message or keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand generate" -s q -l quiet -d 'Print only errors'
complete -c mailseal -n "__fish_mailseal_using_subcommand generate" -s v -l verbose -d 'Print more detail'
complete -c mailseal -n "__fish_mailseal_using_subcommand generate" -s h -l help -d 'Print help'
complete -c mailseal -n "__fish_mailseal_using_subcommand help; and not __fish_seen_subcommand_from sign encrypt decrypt verify keyring trust filter send sop generate help" -f -a "sign" -d 'Sign a message (multipart/signed, or opaque with --opaque)'
complete -c mailseal -n "__fish_mailseal_using_subcommand help; and not __fish_seen_subcommand_from sign encrypt decrypt verify keyring trust filter send sop generate help" -f -a "encrypt" -d 'Encrypt a message to its recipients (and optionally sign it)'
complete -c mailseal -n "__fish_mailseal_using_subcommand help; and not __fish_seen_subcommand_from sign encrypt decrypt verify keyring trust filter send sop generate help" -f -a "decrypt" -d 'Decrypt a message and check any signature inside'
complete -c mailseal -n "__fish_mailseal_using_subcommand help; and not __fish_seen_subcommand_from sign encrypt decrypt verify keyring trust filter send sop generate help" -f -a "verify" -d 'Verify a message, or every message in directories, Maildirs and mbox files'
complete -c mailseal -n "__fish_mailseal_using_subcommand help; and not __fish_seen_subcommand_from sign encrypt decrypt verify keyring trust filter send sop generate help" -f -a "keyring" -d 'Manage keys and certificates'
complete -c mailseal -n "__fish_mailseal_using_subcommand help; and not __fish_seen_subcommand_from sign encrypt decrypt verify keyring trust filter send sop generate help" -f -a "trust" -d 'Manage trust: anchors'
complete -c mailseal -n "__fish_mailseal_using_subcommand help; and not __fish_seen_subcommand_from sign encrypt decrypt verify keyring trust filter send sop generate help" -f -a "filter" -d 'For mail clients (neomutt, mutt): raw operations on parts and detached signatures with gpg\'s status lines and openssl\'s output, the configuration that uses them, the one-key full check'
complete -c mailseal -n "__fish_mailseal_using_subcommand help; and not __fish_seen_subcommand_from sign encrypt decrypt verify keyring trust filter send sop generate help" -f -a "send" -d 'Protect a message as the flags and the recipients\' keys say, and hand it to a sendmail-compatible command'
complete -c mailseal -n "__fish_mailseal_using_subcommand help; and not __fish_seen_subcommand_from sign encrypt decrypt verify keyring trust filter send sop generate help" -f -a "sop" -d 'Stateless OpenPGP (SOP) interface for programs; no keyring, own exit codes'
complete -c mailseal -n "__fish_mailseal_using_subcommand help; and not __fish_seen_subcommand_from sign encrypt decrypt verify keyring trust filter send sop generate help" -f -a "generate" -d 'Print shell completions or man pages'
complete -c mailseal -n "__fish_mailseal_using_subcommand help; and not __fish_seen_subcommand_from sign encrypt decrypt verify keyring trust filter send sop generate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mailseal -n "__fish_mailseal_using_subcommand help; and __fish_seen_subcommand_from keyring" -f -a "import" -d 'Import certificates, keys (PKCS#8, PKCS#12, OpenPGP) and CRLs'
complete -c mailseal -n "__fish_mailseal_using_subcommand help; and __fish_seen_subcommand_from keyring" -f -a "list" -d 'List certificates and keys of both protocols'
complete -c mailseal -n "__fish_mailseal_using_subcommand help; and __fish_seen_subcommand_from keyring" -f -a "export" -d 'Export certificates (PEM, armored OpenPGP), with --secret the encrypted keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand help; and __fish_seen_subcommand_from keyring" -f -a "remove" -d 'Remove certificates of both protocols; with --secret also their secret keys'
complete -c mailseal -n "__fish_mailseal_using_subcommand help; and __fish_seen_subcommand_from keyring" -f -a "generate" -d 'Generate a new key'
complete -c mailseal -n "__fish_mailseal_using_subcommand help; and __fish_seen_subcommand_from keyring" -f -a "set-features" -d 'Change what your OpenPGP key advertises: SEIPD v1 only, or SEIPD v2 (AEAD) too'
complete -c mailseal -n "__fish_mailseal_using_subcommand help; and __fish_seen_subcommand_from keyring" -f -a "check" -d 'Check the keyring\'s integrity and consistency'
complete -c mailseal -n "__fish_mailseal_using_subcommand help; and __fish_seen_subcommand_from keyring" -f -a "group" -d 'Recipient groups: an address (a mailing list) that stands for its members when encrypting, in either protocol'
complete -c mailseal -n "__fish_mailseal_using_subcommand help; and __fish_seen_subcommand_from trust" -f -a "anchor" -d 'Manage X.509 trust anchors'
complete -c mailseal -n "__fish_mailseal_using_subcommand help; and __fish_seen_subcommand_from trust" -f -a "root" -d 'Make an OpenPGP certificate a web-of-trust root (your own keys are, while not revoked)'
complete -c mailseal -n "__fish_mailseal_using_subcommand help; and __fish_seen_subcommand_from trust" -f -a "pin" -d 'Pin a binding you checked yourself (by phone, in person): full validity for that fingerprint and address, either protocol'
complete -c mailseal -n "__fish_mailseal_using_subcommand help; and __fish_seen_subcommand_from trust" -f -a "check" -d 'Explain the validity of the bindings of an address, fingerprint or key ID: the path, its amount, and what is missing'
complete -c mailseal -n "__fish_mailseal_using_subcommand help; and __fish_seen_subcommand_from filter" -f -a "pgp" -d 'OpenPGP operations on parts and detached signatures, with gpg\'s status lines and key listing'
complete -c mailseal -n "__fish_mailseal_using_subcommand help; and __fish_seen_subcommand_from filter" -f -a "smime" -d 'S/MIME operations on parts and detached signatures, with the output openssl gives'
complete -c mailseal -n "__fish_mailseal_using_subcommand help; and __fish_seen_subcommand_from filter" -f -a "install-config" -d 'Write the neomutt and mutt configuration that uses mailseal for OpenPGP, S/MIME and sending, and print the line that sources it'
complete -c mailseal -n "__fish_mailseal_using_subcommand help; and __fish_seen_subcommand_from filter" -f -a "check" -d 'Check a whole message as a mail client pipes it (the one-key full check): every layer, decrypted if need be, the signer against From, the per-domain policy; the verdict in words, never the content'
complete -c mailseal -n "__fish_mailseal_using_subcommand help; and __fish_seen_subcommand_from filter" -f -a "policy-colors" -d 'Print `color index` lines that mark, in a client\'s index, mail that breaks the per-domain policy of mailseal.conf'
complete -c mailseal -n "__fish_mailseal_using_subcommand help; and __fish_seen_subcommand_from sop" -f -a "version" -d 'Print the name and version of this implementation'
complete -c mailseal -n "__fish_mailseal_using_subcommand help; and __fish_seen_subcommand_from sop" -f -a "list-profiles" -d 'List the profiles a subcommand supports'
complete -c mailseal -n "__fish_mailseal_using_subcommand help; and __fish_seen_subcommand_from sop" -f -a "generate-key" -d 'Generate a secret key'
complete -c mailseal -n "__fish_mailseal_using_subcommand help; and __fish_seen_subcommand_from sop" -f -a "extract-cert" -d 'Extract the certificate of a secret key (KEYS on stdin)'
complete -c mailseal -n "__fish_mailseal_using_subcommand help; and __fish_seen_subcommand_from sop" -f -a "sign" -d 'Make detached signatures of stdin'
complete -c mailseal -n "__fish_mailseal_using_subcommand help; and __fish_seen_subcommand_from sop" -f -a "verify" -d 'Verify detached signatures over stdin'
complete -c mailseal -n "__fish_mailseal_using_subcommand help; and __fish_seen_subcommand_from sop" -f -a "encrypt" -d 'Encrypt stdin'
complete -c mailseal -n "__fish_mailseal_using_subcommand help; and __fish_seen_subcommand_from sop" -f -a "decrypt" -d 'Decrypt stdin'
complete -c mailseal -n "__fish_mailseal_using_subcommand help; and __fish_seen_subcommand_from sop" -f -a "armor" -d 'Convert binary OpenPGP data to ASCII armor'
complete -c mailseal -n "__fish_mailseal_using_subcommand help; and __fish_seen_subcommand_from sop" -f -a "dearmor" -d 'Convert ASCII-armored OpenPGP data to binary'
complete -c mailseal -n "__fish_mailseal_using_subcommand help; and __fish_seen_subcommand_from sop" -f -a "inline-detach" -d 'Split the signatures off an inline-signed message'
complete -c mailseal -n "__fish_mailseal_using_subcommand help; and __fish_seen_subcommand_from sop" -f -a "inline-sign" -d 'Make an inline-signed message'
complete -c mailseal -n "__fish_mailseal_using_subcommand help; and __fish_seen_subcommand_from sop" -f -a "inline-verify" -d 'Verify an inline-signed message and print its content'
