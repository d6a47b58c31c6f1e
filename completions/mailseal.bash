_mailseal() {
    local i cur prev opts cmd
    COMPREPLY=()
    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
        cur="$2"
    else
        cur="${COMP_WORDS[COMP_CWORD]}"
    fi
    prev="$3"
    cmd=""
    opts=""

    for i in "${COMP_WORDS[@]:0:COMP_CWORD}"
    do
        case "${cmd},${i}" in
            ",$1")
                cmd="mailseal"
                ;;
            mailseal,decrypt)
                cmd="mailseal__subcmd__decrypt"
                ;;
            mailseal,encrypt)
                cmd="mailseal__subcmd__encrypt"
                ;;
            mailseal,filter)
                cmd="mailseal__subcmd__filter"
                ;;
            mailseal,generate)
                cmd="mailseal__subcmd__generate"
                ;;
            mailseal,help)
                cmd="mailseal__subcmd__help"
                ;;
            mailseal,keyring)
                cmd="mailseal__subcmd__keyring"
                ;;
            mailseal,send)
                cmd="mailseal__subcmd__send"
                ;;
            mailseal,sign)
                cmd="mailseal__subcmd__sign"
                ;;
            mailseal,sop)
                cmd="mailseal__subcmd__sop"
                ;;
            mailseal,trust)
                cmd="mailseal__subcmd__trust"
                ;;
            mailseal,verify)
                cmd="mailseal__subcmd__verify"
                ;;
            mailseal__subcmd__filter,check)
                cmd="mailseal__subcmd__filter__subcmd__check"
                ;;
            mailseal__subcmd__filter,help)
                cmd="mailseal__subcmd__filter__subcmd__help"
                ;;
            mailseal__subcmd__filter,install-config)
                cmd="mailseal__subcmd__filter__subcmd__install__subcmd__config"
                ;;
            mailseal__subcmd__filter,pgp)
                cmd="mailseal__subcmd__filter__subcmd__pgp"
                ;;
            mailseal__subcmd__filter,policy-colors)
                cmd="mailseal__subcmd__filter__subcmd__policy__subcmd__colors"
                ;;
            mailseal__subcmd__filter,smime)
                cmd="mailseal__subcmd__filter__subcmd__smime"
                ;;
            mailseal__subcmd__filter__subcmd__help,check)
                cmd="mailseal__subcmd__filter__subcmd__help__subcmd__check"
                ;;
            mailseal__subcmd__filter__subcmd__help,help)
                cmd="mailseal__subcmd__filter__subcmd__help__subcmd__help"
                ;;
            mailseal__subcmd__filter__subcmd__help,install-config)
                cmd="mailseal__subcmd__filter__subcmd__help__subcmd__install__subcmd__config"
                ;;
            mailseal__subcmd__filter__subcmd__help,pgp)
                cmd="mailseal__subcmd__filter__subcmd__help__subcmd__pgp"
                ;;
            mailseal__subcmd__filter__subcmd__help,policy-colors)
                cmd="mailseal__subcmd__filter__subcmd__help__subcmd__policy__subcmd__colors"
                ;;
            mailseal__subcmd__filter__subcmd__help,smime)
                cmd="mailseal__subcmd__filter__subcmd__help__subcmd__smime"
                ;;
            mailseal__subcmd__filter__subcmd__help__subcmd__pgp,clearsign)
                cmd="mailseal__subcmd__filter__subcmd__help__subcmd__pgp__subcmd__clearsign"
                ;;
            mailseal__subcmd__filter__subcmd__help__subcmd__pgp,decode)
                cmd="mailseal__subcmd__filter__subcmd__help__subcmd__pgp__subcmd__decode"
                ;;
            mailseal__subcmd__filter__subcmd__help__subcmd__pgp,decrypt)
                cmd="mailseal__subcmd__filter__subcmd__help__subcmd__pgp__subcmd__decrypt"
                ;;
            mailseal__subcmd__filter__subcmd__help__subcmd__pgp,encrypt)
                cmd="mailseal__subcmd__filter__subcmd__help__subcmd__pgp__subcmd__encrypt"
                ;;
            mailseal__subcmd__filter__subcmd__help__subcmd__pgp,export)
                cmd="mailseal__subcmd__filter__subcmd__help__subcmd__pgp__subcmd__export"
                ;;
            mailseal__subcmd__filter__subcmd__help__subcmd__pgp,import)
                cmd="mailseal__subcmd__filter__subcmd__help__subcmd__pgp__subcmd__import"
                ;;
            mailseal__subcmd__filter__subcmd__help__subcmd__pgp,list-keys)
                cmd="mailseal__subcmd__filter__subcmd__help__subcmd__pgp__subcmd__list__subcmd__keys"
                ;;
            mailseal__subcmd__filter__subcmd__help__subcmd__pgp,list-secret-keys)
                cmd="mailseal__subcmd__filter__subcmd__help__subcmd__pgp__subcmd__list__subcmd__secret__subcmd__keys"
                ;;
            mailseal__subcmd__filter__subcmd__help__subcmd__pgp,sign)
                cmd="mailseal__subcmd__filter__subcmd__help__subcmd__pgp__subcmd__sign"
                ;;
            mailseal__subcmd__filter__subcmd__help__subcmd__pgp,verify)
                cmd="mailseal__subcmd__filter__subcmd__help__subcmd__pgp__subcmd__verify"
                ;;
            mailseal__subcmd__filter__subcmd__help__subcmd__smime,decrypt)
                cmd="mailseal__subcmd__filter__subcmd__help__subcmd__smime__subcmd__decrypt"
                ;;
            mailseal__subcmd__filter__subcmd__help__subcmd__smime,encrypt)
                cmd="mailseal__subcmd__filter__subcmd__help__subcmd__smime__subcmd__encrypt"
                ;;
            mailseal__subcmd__filter__subcmd__help__subcmd__smime,export)
                cmd="mailseal__subcmd__filter__subcmd__help__subcmd__smime__subcmd__export"
                ;;
            mailseal__subcmd__filter__subcmd__help__subcmd__smime,get-cert)
                cmd="mailseal__subcmd__filter__subcmd__help__subcmd__smime__subcmd__get__subcmd__cert"
                ;;
            mailseal__subcmd__filter__subcmd__help__subcmd__smime,get-cert-email)
                cmd="mailseal__subcmd__filter__subcmd__help__subcmd__smime__subcmd__get__subcmd__cert__subcmd__email"
                ;;
            mailseal__subcmd__filter__subcmd__help__subcmd__smime,get-signer-cert)
                cmd="mailseal__subcmd__filter__subcmd__help__subcmd__smime__subcmd__get__subcmd__signer__subcmd__cert"
                ;;
            mailseal__subcmd__filter__subcmd__help__subcmd__smime,import)
                cmd="mailseal__subcmd__filter__subcmd__help__subcmd__smime__subcmd__import"
                ;;
            mailseal__subcmd__filter__subcmd__help__subcmd__smime,pk7out)
                cmd="mailseal__subcmd__filter__subcmd__help__subcmd__smime__subcmd__pk7out"
                ;;
            mailseal__subcmd__filter__subcmd__help__subcmd__smime,sign)
                cmd="mailseal__subcmd__filter__subcmd__help__subcmd__smime__subcmd__sign"
                ;;
            mailseal__subcmd__filter__subcmd__help__subcmd__smime,sync)
                cmd="mailseal__subcmd__filter__subcmd__help__subcmd__smime__subcmd__sync"
                ;;
            mailseal__subcmd__filter__subcmd__help__subcmd__smime,verify)
                cmd="mailseal__subcmd__filter__subcmd__help__subcmd__smime__subcmd__verify"
                ;;
            mailseal__subcmd__filter__subcmd__pgp,clearsign)
                cmd="mailseal__subcmd__filter__subcmd__pgp__subcmd__clearsign"
                ;;
            mailseal__subcmd__filter__subcmd__pgp,decode)
                cmd="mailseal__subcmd__filter__subcmd__pgp__subcmd__decode"
                ;;
            mailseal__subcmd__filter__subcmd__pgp,decrypt)
                cmd="mailseal__subcmd__filter__subcmd__pgp__subcmd__decrypt"
                ;;
            mailseal__subcmd__filter__subcmd__pgp,encrypt)
                cmd="mailseal__subcmd__filter__subcmd__pgp__subcmd__encrypt"
                ;;
            mailseal__subcmd__filter__subcmd__pgp,export)
                cmd="mailseal__subcmd__filter__subcmd__pgp__subcmd__export"
                ;;
            mailseal__subcmd__filter__subcmd__pgp,help)
                cmd="mailseal__subcmd__filter__subcmd__pgp__subcmd__help"
                ;;
            mailseal__subcmd__filter__subcmd__pgp,import)
                cmd="mailseal__subcmd__filter__subcmd__pgp__subcmd__import"
                ;;
            mailseal__subcmd__filter__subcmd__pgp,list-keys)
                cmd="mailseal__subcmd__filter__subcmd__pgp__subcmd__list__subcmd__keys"
                ;;
            mailseal__subcmd__filter__subcmd__pgp,list-secret-keys)
                cmd="mailseal__subcmd__filter__subcmd__pgp__subcmd__list__subcmd__secret__subcmd__keys"
                ;;
            mailseal__subcmd__filter__subcmd__pgp,sign)
                cmd="mailseal__subcmd__filter__subcmd__pgp__subcmd__sign"
                ;;
            mailseal__subcmd__filter__subcmd__pgp,verify)
                cmd="mailseal__subcmd__filter__subcmd__pgp__subcmd__verify"
                ;;
            mailseal__subcmd__filter__subcmd__pgp__subcmd__help,clearsign)
                cmd="mailseal__subcmd__filter__subcmd__pgp__subcmd__help__subcmd__clearsign"
                ;;
            mailseal__subcmd__filter__subcmd__pgp__subcmd__help,decode)
                cmd="mailseal__subcmd__filter__subcmd__pgp__subcmd__help__subcmd__decode"
                ;;
            mailseal__subcmd__filter__subcmd__pgp__subcmd__help,decrypt)
                cmd="mailseal__subcmd__filter__subcmd__pgp__subcmd__help__subcmd__decrypt"
                ;;
            mailseal__subcmd__filter__subcmd__pgp__subcmd__help,encrypt)
                cmd="mailseal__subcmd__filter__subcmd__pgp__subcmd__help__subcmd__encrypt"
                ;;
            mailseal__subcmd__filter__subcmd__pgp__subcmd__help,export)
                cmd="mailseal__subcmd__filter__subcmd__pgp__subcmd__help__subcmd__export"
                ;;
            mailseal__subcmd__filter__subcmd__pgp__subcmd__help,help)
                cmd="mailseal__subcmd__filter__subcmd__pgp__subcmd__help__subcmd__help"
                ;;
            mailseal__subcmd__filter__subcmd__pgp__subcmd__help,import)
                cmd="mailseal__subcmd__filter__subcmd__pgp__subcmd__help__subcmd__import"
                ;;
            mailseal__subcmd__filter__subcmd__pgp__subcmd__help,list-keys)
                cmd="mailseal__subcmd__filter__subcmd__pgp__subcmd__help__subcmd__list__subcmd__keys"
                ;;
            mailseal__subcmd__filter__subcmd__pgp__subcmd__help,list-secret-keys)
                cmd="mailseal__subcmd__filter__subcmd__pgp__subcmd__help__subcmd__list__subcmd__secret__subcmd__keys"
                ;;
            mailseal__subcmd__filter__subcmd__pgp__subcmd__help,sign)
                cmd="mailseal__subcmd__filter__subcmd__pgp__subcmd__help__subcmd__sign"
                ;;
            mailseal__subcmd__filter__subcmd__pgp__subcmd__help,verify)
                cmd="mailseal__subcmd__filter__subcmd__pgp__subcmd__help__subcmd__verify"
                ;;
            mailseal__subcmd__filter__subcmd__smime,decrypt)
                cmd="mailseal__subcmd__filter__subcmd__smime__subcmd__decrypt"
                ;;
            mailseal__subcmd__filter__subcmd__smime,encrypt)
                cmd="mailseal__subcmd__filter__subcmd__smime__subcmd__encrypt"
                ;;
            mailseal__subcmd__filter__subcmd__smime,export)
                cmd="mailseal__subcmd__filter__subcmd__smime__subcmd__export"
                ;;
            mailseal__subcmd__filter__subcmd__smime,get-cert)
                cmd="mailseal__subcmd__filter__subcmd__smime__subcmd__get__subcmd__cert"
                ;;
            mailseal__subcmd__filter__subcmd__smime,get-cert-email)
                cmd="mailseal__subcmd__filter__subcmd__smime__subcmd__get__subcmd__cert__subcmd__email"
                ;;
            mailseal__subcmd__filter__subcmd__smime,get-signer-cert)
                cmd="mailseal__subcmd__filter__subcmd__smime__subcmd__get__subcmd__signer__subcmd__cert"
                ;;
            mailseal__subcmd__filter__subcmd__smime,help)
                cmd="mailseal__subcmd__filter__subcmd__smime__subcmd__help"
                ;;
            mailseal__subcmd__filter__subcmd__smime,import)
                cmd="mailseal__subcmd__filter__subcmd__smime__subcmd__import"
                ;;
            mailseal__subcmd__filter__subcmd__smime,pk7out)
                cmd="mailseal__subcmd__filter__subcmd__smime__subcmd__pk7out"
                ;;
            mailseal__subcmd__filter__subcmd__smime,sign)
                cmd="mailseal__subcmd__filter__subcmd__smime__subcmd__sign"
                ;;
            mailseal__subcmd__filter__subcmd__smime,sync)
                cmd="mailseal__subcmd__filter__subcmd__smime__subcmd__sync"
                ;;
            mailseal__subcmd__filter__subcmd__smime,verify)
                cmd="mailseal__subcmd__filter__subcmd__smime__subcmd__verify"
                ;;
            mailseal__subcmd__filter__subcmd__smime__subcmd__help,decrypt)
                cmd="mailseal__subcmd__filter__subcmd__smime__subcmd__help__subcmd__decrypt"
                ;;
            mailseal__subcmd__filter__subcmd__smime__subcmd__help,encrypt)
                cmd="mailseal__subcmd__filter__subcmd__smime__subcmd__help__subcmd__encrypt"
                ;;
            mailseal__subcmd__filter__subcmd__smime__subcmd__help,export)
                cmd="mailseal__subcmd__filter__subcmd__smime__subcmd__help__subcmd__export"
                ;;
            mailseal__subcmd__filter__subcmd__smime__subcmd__help,get-cert)
                cmd="mailseal__subcmd__filter__subcmd__smime__subcmd__help__subcmd__get__subcmd__cert"
                ;;
            mailseal__subcmd__filter__subcmd__smime__subcmd__help,get-cert-email)
                cmd="mailseal__subcmd__filter__subcmd__smime__subcmd__help__subcmd__get__subcmd__cert__subcmd__email"
                ;;
            mailseal__subcmd__filter__subcmd__smime__subcmd__help,get-signer-cert)
                cmd="mailseal__subcmd__filter__subcmd__smime__subcmd__help__subcmd__get__subcmd__signer__subcmd__cert"
                ;;
            mailseal__subcmd__filter__subcmd__smime__subcmd__help,help)
                cmd="mailseal__subcmd__filter__subcmd__smime__subcmd__help__subcmd__help"
                ;;
            mailseal__subcmd__filter__subcmd__smime__subcmd__help,import)
                cmd="mailseal__subcmd__filter__subcmd__smime__subcmd__help__subcmd__import"
                ;;
            mailseal__subcmd__filter__subcmd__smime__subcmd__help,pk7out)
                cmd="mailseal__subcmd__filter__subcmd__smime__subcmd__help__subcmd__pk7out"
                ;;
            mailseal__subcmd__filter__subcmd__smime__subcmd__help,sign)
                cmd="mailseal__subcmd__filter__subcmd__smime__subcmd__help__subcmd__sign"
                ;;
            mailseal__subcmd__filter__subcmd__smime__subcmd__help,sync)
                cmd="mailseal__subcmd__filter__subcmd__smime__subcmd__help__subcmd__sync"
                ;;
            mailseal__subcmd__filter__subcmd__smime__subcmd__help,verify)
                cmd="mailseal__subcmd__filter__subcmd__smime__subcmd__help__subcmd__verify"
                ;;
            mailseal__subcmd__help,decrypt)
                cmd="mailseal__subcmd__help__subcmd__decrypt"
                ;;
            mailseal__subcmd__help,encrypt)
                cmd="mailseal__subcmd__help__subcmd__encrypt"
                ;;
            mailseal__subcmd__help,filter)
                cmd="mailseal__subcmd__help__subcmd__filter"
                ;;
            mailseal__subcmd__help,generate)
                cmd="mailseal__subcmd__help__subcmd__generate"
                ;;
            mailseal__subcmd__help,help)
                cmd="mailseal__subcmd__help__subcmd__help"
                ;;
            mailseal__subcmd__help,keyring)
                cmd="mailseal__subcmd__help__subcmd__keyring"
                ;;
            mailseal__subcmd__help,send)
                cmd="mailseal__subcmd__help__subcmd__send"
                ;;
            mailseal__subcmd__help,sign)
                cmd="mailseal__subcmd__help__subcmd__sign"
                ;;
            mailseal__subcmd__help,sop)
                cmd="mailseal__subcmd__help__subcmd__sop"
                ;;
            mailseal__subcmd__help,trust)
                cmd="mailseal__subcmd__help__subcmd__trust"
                ;;
            mailseal__subcmd__help,verify)
                cmd="mailseal__subcmd__help__subcmd__verify"
                ;;
            mailseal__subcmd__help__subcmd__filter,check)
                cmd="mailseal__subcmd__help__subcmd__filter__subcmd__check"
                ;;
            mailseal__subcmd__help__subcmd__filter,install-config)
                cmd="mailseal__subcmd__help__subcmd__filter__subcmd__install__subcmd__config"
                ;;
            mailseal__subcmd__help__subcmd__filter,pgp)
                cmd="mailseal__subcmd__help__subcmd__filter__subcmd__pgp"
                ;;
            mailseal__subcmd__help__subcmd__filter,policy-colors)
                cmd="mailseal__subcmd__help__subcmd__filter__subcmd__policy__subcmd__colors"
                ;;
            mailseal__subcmd__help__subcmd__filter,smime)
                cmd="mailseal__subcmd__help__subcmd__filter__subcmd__smime"
                ;;
            mailseal__subcmd__help__subcmd__filter__subcmd__pgp,clearsign)
                cmd="mailseal__subcmd__help__subcmd__filter__subcmd__pgp__subcmd__clearsign"
                ;;
            mailseal__subcmd__help__subcmd__filter__subcmd__pgp,decode)
                cmd="mailseal__subcmd__help__subcmd__filter__subcmd__pgp__subcmd__decode"
                ;;
            mailseal__subcmd__help__subcmd__filter__subcmd__pgp,decrypt)
                cmd="mailseal__subcmd__help__subcmd__filter__subcmd__pgp__subcmd__decrypt"
                ;;
            mailseal__subcmd__help__subcmd__filter__subcmd__pgp,encrypt)
                cmd="mailseal__subcmd__help__subcmd__filter__subcmd__pgp__subcmd__encrypt"
                ;;
            mailseal__subcmd__help__subcmd__filter__subcmd__pgp,export)
                cmd="mailseal__subcmd__help__subcmd__filter__subcmd__pgp__subcmd__export"
                ;;
            mailseal__subcmd__help__subcmd__filter__subcmd__pgp,import)
                cmd="mailseal__subcmd__help__subcmd__filter__subcmd__pgp__subcmd__import"
                ;;
            mailseal__subcmd__help__subcmd__filter__subcmd__pgp,list-keys)
                cmd="mailseal__subcmd__help__subcmd__filter__subcmd__pgp__subcmd__list__subcmd__keys"
                ;;
            mailseal__subcmd__help__subcmd__filter__subcmd__pgp,list-secret-keys)
                cmd="mailseal__subcmd__help__subcmd__filter__subcmd__pgp__subcmd__list__subcmd__secret__subcmd__keys"
                ;;
            mailseal__subcmd__help__subcmd__filter__subcmd__pgp,sign)
                cmd="mailseal__subcmd__help__subcmd__filter__subcmd__pgp__subcmd__sign"
                ;;
            mailseal__subcmd__help__subcmd__filter__subcmd__pgp,verify)
                cmd="mailseal__subcmd__help__subcmd__filter__subcmd__pgp__subcmd__verify"
                ;;
            mailseal__subcmd__help__subcmd__filter__subcmd__smime,decrypt)
                cmd="mailseal__subcmd__help__subcmd__filter__subcmd__smime__subcmd__decrypt"
                ;;
            mailseal__subcmd__help__subcmd__filter__subcmd__smime,encrypt)
                cmd="mailseal__subcmd__help__subcmd__filter__subcmd__smime__subcmd__encrypt"
                ;;
            mailseal__subcmd__help__subcmd__filter__subcmd__smime,export)
                cmd="mailseal__subcmd__help__subcmd__filter__subcmd__smime__subcmd__export"
                ;;
            mailseal__subcmd__help__subcmd__filter__subcmd__smime,get-cert)
                cmd="mailseal__subcmd__help__subcmd__filter__subcmd__smime__subcmd__get__subcmd__cert"
                ;;
            mailseal__subcmd__help__subcmd__filter__subcmd__smime,get-cert-email)
                cmd="mailseal__subcmd__help__subcmd__filter__subcmd__smime__subcmd__get__subcmd__cert__subcmd__email"
                ;;
            mailseal__subcmd__help__subcmd__filter__subcmd__smime,get-signer-cert)
                cmd="mailseal__subcmd__help__subcmd__filter__subcmd__smime__subcmd__get__subcmd__signer__subcmd__cert"
                ;;
            mailseal__subcmd__help__subcmd__filter__subcmd__smime,import)
                cmd="mailseal__subcmd__help__subcmd__filter__subcmd__smime__subcmd__import"
                ;;
            mailseal__subcmd__help__subcmd__filter__subcmd__smime,pk7out)
                cmd="mailseal__subcmd__help__subcmd__filter__subcmd__smime__subcmd__pk7out"
                ;;
            mailseal__subcmd__help__subcmd__filter__subcmd__smime,sign)
                cmd="mailseal__subcmd__help__subcmd__filter__subcmd__smime__subcmd__sign"
                ;;
            mailseal__subcmd__help__subcmd__filter__subcmd__smime,sync)
                cmd="mailseal__subcmd__help__subcmd__filter__subcmd__smime__subcmd__sync"
                ;;
            mailseal__subcmd__help__subcmd__filter__subcmd__smime,verify)
                cmd="mailseal__subcmd__help__subcmd__filter__subcmd__smime__subcmd__verify"
                ;;
            mailseal__subcmd__help__subcmd__keyring,check)
                cmd="mailseal__subcmd__help__subcmd__keyring__subcmd__check"
                ;;
            mailseal__subcmd__help__subcmd__keyring,export)
                cmd="mailseal__subcmd__help__subcmd__keyring__subcmd__export"
                ;;
            mailseal__subcmd__help__subcmd__keyring,generate)
                cmd="mailseal__subcmd__help__subcmd__keyring__subcmd__generate"
                ;;
            mailseal__subcmd__help__subcmd__keyring,group)
                cmd="mailseal__subcmd__help__subcmd__keyring__subcmd__group"
                ;;
            mailseal__subcmd__help__subcmd__keyring,import)
                cmd="mailseal__subcmd__help__subcmd__keyring__subcmd__import"
                ;;
            mailseal__subcmd__help__subcmd__keyring,list)
                cmd="mailseal__subcmd__help__subcmd__keyring__subcmd__list"
                ;;
            mailseal__subcmd__help__subcmd__keyring,remove)
                cmd="mailseal__subcmd__help__subcmd__keyring__subcmd__remove"
                ;;
            mailseal__subcmd__help__subcmd__keyring,set-features)
                cmd="mailseal__subcmd__help__subcmd__keyring__subcmd__set__subcmd__features"
                ;;
            mailseal__subcmd__help__subcmd__keyring__subcmd__group,add)
                cmd="mailseal__subcmd__help__subcmd__keyring__subcmd__group__subcmd__add"
                ;;
            mailseal__subcmd__help__subcmd__keyring__subcmd__group,import)
                cmd="mailseal__subcmd__help__subcmd__keyring__subcmd__group__subcmd__import"
                ;;
            mailseal__subcmd__help__subcmd__keyring__subcmd__group,list)
                cmd="mailseal__subcmd__help__subcmd__keyring__subcmd__group__subcmd__list"
                ;;
            mailseal__subcmd__help__subcmd__keyring__subcmd__group,remove)
                cmd="mailseal__subcmd__help__subcmd__keyring__subcmd__group__subcmd__remove"
                ;;
            mailseal__subcmd__help__subcmd__sop,armor)
                cmd="mailseal__subcmd__help__subcmd__sop__subcmd__armor"
                ;;
            mailseal__subcmd__help__subcmd__sop,dearmor)
                cmd="mailseal__subcmd__help__subcmd__sop__subcmd__dearmor"
                ;;
            mailseal__subcmd__help__subcmd__sop,decrypt)
                cmd="mailseal__subcmd__help__subcmd__sop__subcmd__decrypt"
                ;;
            mailseal__subcmd__help__subcmd__sop,encrypt)
                cmd="mailseal__subcmd__help__subcmd__sop__subcmd__encrypt"
                ;;
            mailseal__subcmd__help__subcmd__sop,extract-cert)
                cmd="mailseal__subcmd__help__subcmd__sop__subcmd__extract__subcmd__cert"
                ;;
            mailseal__subcmd__help__subcmd__sop,generate-key)
                cmd="mailseal__subcmd__help__subcmd__sop__subcmd__generate__subcmd__key"
                ;;
            mailseal__subcmd__help__subcmd__sop,inline-detach)
                cmd="mailseal__subcmd__help__subcmd__sop__subcmd__inline__subcmd__detach"
                ;;
            mailseal__subcmd__help__subcmd__sop,inline-sign)
                cmd="mailseal__subcmd__help__subcmd__sop__subcmd__inline__subcmd__sign"
                ;;
            mailseal__subcmd__help__subcmd__sop,inline-verify)
                cmd="mailseal__subcmd__help__subcmd__sop__subcmd__inline__subcmd__verify"
                ;;
            mailseal__subcmd__help__subcmd__sop,list-profiles)
                cmd="mailseal__subcmd__help__subcmd__sop__subcmd__list__subcmd__profiles"
                ;;
            mailseal__subcmd__help__subcmd__sop,sign)
                cmd="mailseal__subcmd__help__subcmd__sop__subcmd__sign"
                ;;
            mailseal__subcmd__help__subcmd__sop,verify)
                cmd="mailseal__subcmd__help__subcmd__sop__subcmd__verify"
                ;;
            mailseal__subcmd__help__subcmd__sop,version)
                cmd="mailseal__subcmd__help__subcmd__sop__subcmd__version"
                ;;
            mailseal__subcmd__help__subcmd__trust,anchor)
                cmd="mailseal__subcmd__help__subcmd__trust__subcmd__anchor"
                ;;
            mailseal__subcmd__help__subcmd__trust,check)
                cmd="mailseal__subcmd__help__subcmd__trust__subcmd__check"
                ;;
            mailseal__subcmd__help__subcmd__trust,pin)
                cmd="mailseal__subcmd__help__subcmd__trust__subcmd__pin"
                ;;
            mailseal__subcmd__help__subcmd__trust,root)
                cmd="mailseal__subcmd__help__subcmd__trust__subcmd__root"
                ;;
            mailseal__subcmd__help__subcmd__trust__subcmd__anchor,add)
                cmd="mailseal__subcmd__help__subcmd__trust__subcmd__anchor__subcmd__add"
                ;;
            mailseal__subcmd__help__subcmd__trust__subcmd__anchor,list)
                cmd="mailseal__subcmd__help__subcmd__trust__subcmd__anchor__subcmd__list"
                ;;
            mailseal__subcmd__help__subcmd__trust__subcmd__anchor,remove)
                cmd="mailseal__subcmd__help__subcmd__trust__subcmd__anchor__subcmd__remove"
                ;;
            mailseal__subcmd__keyring,check)
                cmd="mailseal__subcmd__keyring__subcmd__check"
                ;;
            mailseal__subcmd__keyring,export)
                cmd="mailseal__subcmd__keyring__subcmd__export"
                ;;
            mailseal__subcmd__keyring,generate)
                cmd="mailseal__subcmd__keyring__subcmd__generate"
                ;;
            mailseal__subcmd__keyring,group)
                cmd="mailseal__subcmd__keyring__subcmd__group"
                ;;
            mailseal__subcmd__keyring,help)
                cmd="mailseal__subcmd__keyring__subcmd__help"
                ;;
            mailseal__subcmd__keyring,import)
                cmd="mailseal__subcmd__keyring__subcmd__import"
                ;;
            mailseal__subcmd__keyring,list)
                cmd="mailseal__subcmd__keyring__subcmd__list"
                ;;
            mailseal__subcmd__keyring,remove)
                cmd="mailseal__subcmd__keyring__subcmd__remove"
                ;;
            mailseal__subcmd__keyring,set-features)
                cmd="mailseal__subcmd__keyring__subcmd__set__subcmd__features"
                ;;
            mailseal__subcmd__keyring__subcmd__group,add)
                cmd="mailseal__subcmd__keyring__subcmd__group__subcmd__add"
                ;;
            mailseal__subcmd__keyring__subcmd__group,help)
                cmd="mailseal__subcmd__keyring__subcmd__group__subcmd__help"
                ;;
            mailseal__subcmd__keyring__subcmd__group,import)
                cmd="mailseal__subcmd__keyring__subcmd__group__subcmd__import"
                ;;
            mailseal__subcmd__keyring__subcmd__group,list)
                cmd="mailseal__subcmd__keyring__subcmd__group__subcmd__list"
                ;;
            mailseal__subcmd__keyring__subcmd__group,remove)
                cmd="mailseal__subcmd__keyring__subcmd__group__subcmd__remove"
                ;;
            mailseal__subcmd__keyring__subcmd__group__subcmd__help,add)
                cmd="mailseal__subcmd__keyring__subcmd__group__subcmd__help__subcmd__add"
                ;;
            mailseal__subcmd__keyring__subcmd__group__subcmd__help,help)
                cmd="mailseal__subcmd__keyring__subcmd__group__subcmd__help__subcmd__help"
                ;;
            mailseal__subcmd__keyring__subcmd__group__subcmd__help,import)
                cmd="mailseal__subcmd__keyring__subcmd__group__subcmd__help__subcmd__import"
                ;;
            mailseal__subcmd__keyring__subcmd__group__subcmd__help,list)
                cmd="mailseal__subcmd__keyring__subcmd__group__subcmd__help__subcmd__list"
                ;;
            mailseal__subcmd__keyring__subcmd__group__subcmd__help,remove)
                cmd="mailseal__subcmd__keyring__subcmd__group__subcmd__help__subcmd__remove"
                ;;
            mailseal__subcmd__keyring__subcmd__help,check)
                cmd="mailseal__subcmd__keyring__subcmd__help__subcmd__check"
                ;;
            mailseal__subcmd__keyring__subcmd__help,export)
                cmd="mailseal__subcmd__keyring__subcmd__help__subcmd__export"
                ;;
            mailseal__subcmd__keyring__subcmd__help,generate)
                cmd="mailseal__subcmd__keyring__subcmd__help__subcmd__generate"
                ;;
            mailseal__subcmd__keyring__subcmd__help,group)
                cmd="mailseal__subcmd__keyring__subcmd__help__subcmd__group"
                ;;
            mailseal__subcmd__keyring__subcmd__help,help)
                cmd="mailseal__subcmd__keyring__subcmd__help__subcmd__help"
                ;;
            mailseal__subcmd__keyring__subcmd__help,import)
                cmd="mailseal__subcmd__keyring__subcmd__help__subcmd__import"
                ;;
            mailseal__subcmd__keyring__subcmd__help,list)
                cmd="mailseal__subcmd__keyring__subcmd__help__subcmd__list"
                ;;
            mailseal__subcmd__keyring__subcmd__help,remove)
                cmd="mailseal__subcmd__keyring__subcmd__help__subcmd__remove"
                ;;
            mailseal__subcmd__keyring__subcmd__help,set-features)
                cmd="mailseal__subcmd__keyring__subcmd__help__subcmd__set__subcmd__features"
                ;;
            mailseal__subcmd__keyring__subcmd__help__subcmd__group,add)
                cmd="mailseal__subcmd__keyring__subcmd__help__subcmd__group__subcmd__add"
                ;;
            mailseal__subcmd__keyring__subcmd__help__subcmd__group,import)
                cmd="mailseal__subcmd__keyring__subcmd__help__subcmd__group__subcmd__import"
                ;;
            mailseal__subcmd__keyring__subcmd__help__subcmd__group,list)
                cmd="mailseal__subcmd__keyring__subcmd__help__subcmd__group__subcmd__list"
                ;;
            mailseal__subcmd__keyring__subcmd__help__subcmd__group,remove)
                cmd="mailseal__subcmd__keyring__subcmd__help__subcmd__group__subcmd__remove"
                ;;
            mailseal__subcmd__sop,armor)
                cmd="mailseal__subcmd__sop__subcmd__armor"
                ;;
            mailseal__subcmd__sop,dearmor)
                cmd="mailseal__subcmd__sop__subcmd__dearmor"
                ;;
            mailseal__subcmd__sop,decrypt)
                cmd="mailseal__subcmd__sop__subcmd__decrypt"
                ;;
            mailseal__subcmd__sop,encrypt)
                cmd="mailseal__subcmd__sop__subcmd__encrypt"
                ;;
            mailseal__subcmd__sop,extract-cert)
                cmd="mailseal__subcmd__sop__subcmd__extract__subcmd__cert"
                ;;
            mailseal__subcmd__sop,generate-key)
                cmd="mailseal__subcmd__sop__subcmd__generate__subcmd__key"
                ;;
            mailseal__subcmd__sop,help)
                cmd="mailseal__subcmd__sop__subcmd__help"
                ;;
            mailseal__subcmd__sop,inline-detach)
                cmd="mailseal__subcmd__sop__subcmd__inline__subcmd__detach"
                ;;
            mailseal__subcmd__sop,inline-sign)
                cmd="mailseal__subcmd__sop__subcmd__inline__subcmd__sign"
                ;;
            mailseal__subcmd__sop,inline-verify)
                cmd="mailseal__subcmd__sop__subcmd__inline__subcmd__verify"
                ;;
            mailseal__subcmd__sop,list-profiles)
                cmd="mailseal__subcmd__sop__subcmd__list__subcmd__profiles"
                ;;
            mailseal__subcmd__sop,sign)
                cmd="mailseal__subcmd__sop__subcmd__sign"
                ;;
            mailseal__subcmd__sop,verify)
                cmd="mailseal__subcmd__sop__subcmd__verify"
                ;;
            mailseal__subcmd__sop,version)
                cmd="mailseal__subcmd__sop__subcmd__version"
                ;;
            mailseal__subcmd__sop__subcmd__help,armor)
                cmd="mailseal__subcmd__sop__subcmd__help__subcmd__armor"
                ;;
            mailseal__subcmd__sop__subcmd__help,dearmor)
                cmd="mailseal__subcmd__sop__subcmd__help__subcmd__dearmor"
                ;;
            mailseal__subcmd__sop__subcmd__help,decrypt)
                cmd="mailseal__subcmd__sop__subcmd__help__subcmd__decrypt"
                ;;
            mailseal__subcmd__sop__subcmd__help,encrypt)
                cmd="mailseal__subcmd__sop__subcmd__help__subcmd__encrypt"
                ;;
            mailseal__subcmd__sop__subcmd__help,extract-cert)
                cmd="mailseal__subcmd__sop__subcmd__help__subcmd__extract__subcmd__cert"
                ;;
            mailseal__subcmd__sop__subcmd__help,generate-key)
                cmd="mailseal__subcmd__sop__subcmd__help__subcmd__generate__subcmd__key"
                ;;
            mailseal__subcmd__sop__subcmd__help,help)
                cmd="mailseal__subcmd__sop__subcmd__help__subcmd__help"
                ;;
            mailseal__subcmd__sop__subcmd__help,inline-detach)
                cmd="mailseal__subcmd__sop__subcmd__help__subcmd__inline__subcmd__detach"
                ;;
            mailseal__subcmd__sop__subcmd__help,inline-sign)
                cmd="mailseal__subcmd__sop__subcmd__help__subcmd__inline__subcmd__sign"
                ;;
            mailseal__subcmd__sop__subcmd__help,inline-verify)
                cmd="mailseal__subcmd__sop__subcmd__help__subcmd__inline__subcmd__verify"
                ;;
            mailseal__subcmd__sop__subcmd__help,list-profiles)
                cmd="mailseal__subcmd__sop__subcmd__help__subcmd__list__subcmd__profiles"
                ;;
            mailseal__subcmd__sop__subcmd__help,sign)
                cmd="mailseal__subcmd__sop__subcmd__help__subcmd__sign"
                ;;
            mailseal__subcmd__sop__subcmd__help,verify)
                cmd="mailseal__subcmd__sop__subcmd__help__subcmd__verify"
                ;;
            mailseal__subcmd__sop__subcmd__help,version)
                cmd="mailseal__subcmd__sop__subcmd__help__subcmd__version"
                ;;
            mailseal__subcmd__trust,anchor)
                cmd="mailseal__subcmd__trust__subcmd__anchor"
                ;;
            mailseal__subcmd__trust,check)
                cmd="mailseal__subcmd__trust__subcmd__check"
                ;;
            mailseal__subcmd__trust,help)
                cmd="mailseal__subcmd__trust__subcmd__help"
                ;;
            mailseal__subcmd__trust,pin)
                cmd="mailseal__subcmd__trust__subcmd__pin"
                ;;
            mailseal__subcmd__trust,root)
                cmd="mailseal__subcmd__trust__subcmd__root"
                ;;
            mailseal__subcmd__trust__subcmd__anchor,add)
                cmd="mailseal__subcmd__trust__subcmd__anchor__subcmd__add"
                ;;
            mailseal__subcmd__trust__subcmd__anchor,help)
                cmd="mailseal__subcmd__trust__subcmd__anchor__subcmd__help"
                ;;
            mailseal__subcmd__trust__subcmd__anchor,list)
                cmd="mailseal__subcmd__trust__subcmd__anchor__subcmd__list"
                ;;
            mailseal__subcmd__trust__subcmd__anchor,remove)
                cmd="mailseal__subcmd__trust__subcmd__anchor__subcmd__remove"
                ;;
            mailseal__subcmd__trust__subcmd__anchor__subcmd__help,add)
                cmd="mailseal__subcmd__trust__subcmd__anchor__subcmd__help__subcmd__add"
                ;;
            mailseal__subcmd__trust__subcmd__anchor__subcmd__help,help)
                cmd="mailseal__subcmd__trust__subcmd__anchor__subcmd__help__subcmd__help"
                ;;
            mailseal__subcmd__trust__subcmd__anchor__subcmd__help,list)
                cmd="mailseal__subcmd__trust__subcmd__anchor__subcmd__help__subcmd__list"
                ;;
            mailseal__subcmd__trust__subcmd__anchor__subcmd__help,remove)
                cmd="mailseal__subcmd__trust__subcmd__anchor__subcmd__help__subcmd__remove"
                ;;
            mailseal__subcmd__trust__subcmd__help,anchor)
                cmd="mailseal__subcmd__trust__subcmd__help__subcmd__anchor"
                ;;
            mailseal__subcmd__trust__subcmd__help,check)
                cmd="mailseal__subcmd__trust__subcmd__help__subcmd__check"
                ;;
            mailseal__subcmd__trust__subcmd__help,help)
                cmd="mailseal__subcmd__trust__subcmd__help__subcmd__help"
                ;;
            mailseal__subcmd__trust__subcmd__help,pin)
                cmd="mailseal__subcmd__trust__subcmd__help__subcmd__pin"
                ;;
            mailseal__subcmd__trust__subcmd__help,root)
                cmd="mailseal__subcmd__trust__subcmd__help__subcmd__root"
                ;;
            mailseal__subcmd__trust__subcmd__help__subcmd__anchor,add)
                cmd="mailseal__subcmd__trust__subcmd__help__subcmd__anchor__subcmd__add"
                ;;
            mailseal__subcmd__trust__subcmd__help__subcmd__anchor,list)
                cmd="mailseal__subcmd__trust__subcmd__help__subcmd__anchor__subcmd__list"
                ;;
            mailseal__subcmd__trust__subcmd__help__subcmd__anchor,remove)
                cmd="mailseal__subcmd__trust__subcmd__help__subcmd__anchor__subcmd__remove"
                ;;
            *)
                ;;
        esac
    done

    case "${cmd}" in
        mailseal)
            opts="-q -v -h -V --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help --version sign encrypt decrypt verify keyring trust filter send sop generate help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 1 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__decrypt)
            opts="-o -q -v -h --legacy-cbc --no-learn --output --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --output)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__encrypt)
            opts="-r -o -q -v -h --recipient --sign --signer --smime --openpgp --cipher --key-transport --no-self --trust-any --output --wrap --from --to --cc --subject --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --recipient)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -r)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --signer)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cipher)
                    COMPREPLY=($(compgen -W "auto aes256-gcm aes256-cbc" -- "${cur}"))
                    return 0
                    ;;
                --key-transport)
                    COMPREPLY=($(compgen -W "pkcs1 oaep" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --from)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cc)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --subject)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter)
            opts="-q -v -h --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help pgp smime install-config check policy-colors help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__check)
            opts="-q -v -h --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__help)
            opts="pgp smime install-config check policy-colors help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__help__subcmd__check)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__help__subcmd__install__subcmd__config)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__help__subcmd__pgp)
            opts="verify sign clearsign encrypt decrypt decode import export list-keys list-secret-keys"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__help__subcmd__pgp__subcmd__clearsign)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__help__subcmd__pgp__subcmd__decode)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__help__subcmd__pgp__subcmd__decrypt)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__help__subcmd__pgp__subcmd__encrypt)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__help__subcmd__pgp__subcmd__export)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__help__subcmd__pgp__subcmd__import)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__help__subcmd__pgp__subcmd__list__subcmd__keys)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__help__subcmd__pgp__subcmd__list__subcmd__secret__subcmd__keys)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__help__subcmd__pgp__subcmd__sign)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__help__subcmd__pgp__subcmd__verify)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__help__subcmd__policy__subcmd__colors)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__help__subcmd__smime)
            opts="verify sign encrypt decrypt pk7out get-cert get-signer-cert get-cert-email import export sync"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__help__subcmd__smime__subcmd__decrypt)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__help__subcmd__smime__subcmd__encrypt)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__help__subcmd__smime__subcmd__export)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__help__subcmd__smime__subcmd__get__subcmd__cert)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__help__subcmd__smime__subcmd__get__subcmd__cert__subcmd__email)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__help__subcmd__smime__subcmd__get__subcmd__signer__subcmd__cert)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__help__subcmd__smime__subcmd__import)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__help__subcmd__smime__subcmd__pk7out)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__help__subcmd__smime__subcmd__sign)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__help__subcmd__smime__subcmd__sync)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__help__subcmd__smime__subcmd__verify)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__install__subcmd__config)
            opts="-q -v -h --sendmail --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --sendmail)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__pgp)
            opts="-q -v -h --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help verify sign clearsign encrypt decrypt decode import export list-keys list-secret-keys help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__pgp__subcmd__clearsign)
            opts="-u -q -v -h --local-user --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --local-user)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -u)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__pgp__subcmd__decode)
            opts="-q -v -h --status-fd --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --status-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__pgp__subcmd__decrypt)
            opts="-q -v -h --status-fd --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --status-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__pgp__subcmd__encrypt)
            opts="-u -r -q -v -h --sign --local-user --recipient --trust-any --no-self --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --local-user)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -u)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --recipient)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -r)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__pgp__subcmd__export)
            opts="-q -v -h --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__pgp__subcmd__help)
            opts="verify sign clearsign encrypt decrypt decode import export list-keys list-secret-keys help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__pgp__subcmd__help__subcmd__clearsign)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__pgp__subcmd__help__subcmd__decode)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__pgp__subcmd__help__subcmd__decrypt)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__pgp__subcmd__help__subcmd__encrypt)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__pgp__subcmd__help__subcmd__export)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__pgp__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__pgp__subcmd__help__subcmd__import)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__pgp__subcmd__help__subcmd__list__subcmd__keys)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__pgp__subcmd__help__subcmd__list__subcmd__secret__subcmd__keys)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__pgp__subcmd__help__subcmd__sign)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__pgp__subcmd__help__subcmd__verify)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__pgp__subcmd__import)
            opts="-q -v -h --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__pgp__subcmd__list__subcmd__keys)
            opts="-q -v -h --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__pgp__subcmd__list__subcmd__secret__subcmd__keys)
            opts="-q -v -h --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__pgp__subcmd__sign)
            opts="-u -q -v -h --local-user --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --local-user)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -u)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__pgp__subcmd__verify)
            opts="-q -v -h --status-fd --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --status-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__policy__subcmd__colors)
            opts="-q -v -h --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__smime)
            opts="-q -v -h --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help verify sign encrypt decrypt pk7out get-cert get-signer-cert get-cert-email import export sync help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__smime__subcmd__decrypt)
            opts="-q -v -h --legacy-cbc --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__smime__subcmd__encrypt)
            opts="-q -v -h --cipher --sign --key --cert --no-self --in --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --cipher)
                    COMPREPLY=($(compgen -W "auto aes256-gcm aes256-cbc" -- "${cur}"))
                    return 0
                    ;;
                --key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --in)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__smime__subcmd__export)
            opts="-q -v -h --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__smime__subcmd__get__subcmd__cert)
            opts="-q -v -h --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__smime__subcmd__get__subcmd__cert__subcmd__email)
            opts="-q -v -h --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__smime__subcmd__get__subcmd__signer__subcmd__cert)
            opts="-q -v -h --out --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --out)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__smime__subcmd__help)
            opts="verify sign encrypt decrypt pk7out get-cert get-signer-cert get-cert-email import export sync help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__smime__subcmd__help__subcmd__decrypt)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__smime__subcmd__help__subcmd__encrypt)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__smime__subcmd__help__subcmd__export)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__smime__subcmd__help__subcmd__get__subcmd__cert)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__smime__subcmd__help__subcmd__get__subcmd__cert__subcmd__email)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__smime__subcmd__help__subcmd__get__subcmd__signer__subcmd__cert)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__smime__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__smime__subcmd__help__subcmd__import)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__smime__subcmd__help__subcmd__pk7out)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__smime__subcmd__help__subcmd__sign)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__smime__subcmd__help__subcmd__sync)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__smime__subcmd__help__subcmd__verify)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__smime__subcmd__import)
            opts="-q -v -h --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__smime__subcmd__pk7out)
            opts="-q -v -h --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__smime__subcmd__sign)
            opts="-q -v -h --key --cert --digest --certfile --nodetach --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --digest)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --certfile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__smime__subcmd__sync)
            opts="-q -v -h --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__filter__subcmd__smime__subcmd__verify)
            opts="-q -v -h --sig --content --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --sig)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --content)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__generate)
            opts="-q -v -h --dir --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help man completions"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help)
            opts="sign encrypt decrypt verify keyring trust filter send sop generate help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__decrypt)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__encrypt)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__filter)
            opts="pgp smime install-config check policy-colors"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__filter__subcmd__check)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__filter__subcmd__install__subcmd__config)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__filter__subcmd__pgp)
            opts="verify sign clearsign encrypt decrypt decode import export list-keys list-secret-keys"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__filter__subcmd__pgp__subcmd__clearsign)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__filter__subcmd__pgp__subcmd__decode)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__filter__subcmd__pgp__subcmd__decrypt)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__filter__subcmd__pgp__subcmd__encrypt)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__filter__subcmd__pgp__subcmd__export)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__filter__subcmd__pgp__subcmd__import)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__filter__subcmd__pgp__subcmd__list__subcmd__keys)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__filter__subcmd__pgp__subcmd__list__subcmd__secret__subcmd__keys)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__filter__subcmd__pgp__subcmd__sign)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__filter__subcmd__pgp__subcmd__verify)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__filter__subcmd__policy__subcmd__colors)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__filter__subcmd__smime)
            opts="verify sign encrypt decrypt pk7out get-cert get-signer-cert get-cert-email import export sync"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__filter__subcmd__smime__subcmd__decrypt)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__filter__subcmd__smime__subcmd__encrypt)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__filter__subcmd__smime__subcmd__export)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__filter__subcmd__smime__subcmd__get__subcmd__cert)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__filter__subcmd__smime__subcmd__get__subcmd__cert__subcmd__email)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__filter__subcmd__smime__subcmd__get__subcmd__signer__subcmd__cert)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__filter__subcmd__smime__subcmd__import)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__filter__subcmd__smime__subcmd__pk7out)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__filter__subcmd__smime__subcmd__sign)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__filter__subcmd__smime__subcmd__sync)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__filter__subcmd__smime__subcmd__verify)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__generate)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__keyring)
            opts="import list export remove generate set-features check group"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__keyring__subcmd__check)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__keyring__subcmd__export)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__keyring__subcmd__generate)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__keyring__subcmd__group)
            opts="add list remove import"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__keyring__subcmd__group__subcmd__add)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__keyring__subcmd__group__subcmd__import)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__keyring__subcmd__group__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__keyring__subcmd__group__subcmd__remove)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__keyring__subcmd__import)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__keyring__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__keyring__subcmd__remove)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__keyring__subcmd__set__subcmd__features)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__send)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__sign)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__sop)
            opts="version list-profiles generate-key extract-cert sign verify encrypt decrypt armor dearmor inline-detach inline-sign inline-verify"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__sop__subcmd__armor)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__sop__subcmd__dearmor)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__sop__subcmd__decrypt)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__sop__subcmd__encrypt)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__sop__subcmd__extract__subcmd__cert)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__sop__subcmd__generate__subcmd__key)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__sop__subcmd__inline__subcmd__detach)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__sop__subcmd__inline__subcmd__sign)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__sop__subcmd__inline__subcmd__verify)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__sop__subcmd__list__subcmd__profiles)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__sop__subcmd__sign)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__sop__subcmd__verify)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__sop__subcmd__version)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__trust)
            opts="anchor root pin check"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__trust__subcmd__anchor)
            opts="add list remove"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__trust__subcmd__anchor__subcmd__add)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__trust__subcmd__anchor__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__trust__subcmd__anchor__subcmd__remove)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__trust__subcmd__check)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__trust__subcmd__pin)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__trust__subcmd__root)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__help__subcmd__verify)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__keyring)
            opts="-q -v -h --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help import list export remove generate set-features check group help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__keyring__subcmd__check)
            opts="-q -v -h --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__keyring__subcmd__export)
            opts="-o -q -v -h --secret --output --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --output)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__keyring__subcmd__generate)
            opts="-q -v -h --email --name --smime --openpgp --profile --algorithm --csr --days --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --email)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -W "rfc4880 rfc9580" -- "${cur}"))
                    return 0
                    ;;
                --algorithm)
                    COMPREPLY=($(compgen -W "rsa2048 rsa3072 p256" -- "${cur}"))
                    return 0
                    ;;
                --csr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --days)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__keyring__subcmd__group)
            opts="-q -v -h --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help add list remove import help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__keyring__subcmd__group__subcmd__add)
            opts="-q -v -h --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__keyring__subcmd__group__subcmd__help)
            opts="add list remove import help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__keyring__subcmd__group__subcmd__help__subcmd__add)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__keyring__subcmd__group__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__keyring__subcmd__group__subcmd__help__subcmd__import)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__keyring__subcmd__group__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__keyring__subcmd__group__subcmd__help__subcmd__remove)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__keyring__subcmd__group__subcmd__import)
            opts="-q -v -h --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__keyring__subcmd__group__subcmd__list)
            opts="-q -v -h --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__keyring__subcmd__group__subcmd__remove)
            opts="-q -v -h --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__keyring__subcmd__help)
            opts="import list export remove generate set-features check group help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__keyring__subcmd__help__subcmd__check)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__keyring__subcmd__help__subcmd__export)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__keyring__subcmd__help__subcmd__generate)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__keyring__subcmd__help__subcmd__group)
            opts="add list remove import"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__keyring__subcmd__help__subcmd__group__subcmd__add)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__keyring__subcmd__help__subcmd__group__subcmd__import)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__keyring__subcmd__help__subcmd__group__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__keyring__subcmd__help__subcmd__group__subcmd__remove)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__keyring__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__keyring__subcmd__help__subcmd__import)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__keyring__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__keyring__subcmd__help__subcmd__remove)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__keyring__subcmd__help__subcmd__set__subcmd__features)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__keyring__subcmd__import)
            opts="-q -v -h --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__keyring__subcmd__list)
            opts="-q -v -h --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__keyring__subcmd__remove)
            opts="-q -v -h --secret --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__keyring__subcmd__set__subcmd__features)
            opts="-q -v -h --seipd-v1-only --seipd-v2 --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__send)
            opts="-q -v -h --encrypt --encrypt-if-possible --sign --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__sign)
            opts="-o -q -v -h --smime --openpgp --signer --opaque --output --wrap --from --to --cc --subject --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --signer)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --from)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cc)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --subject)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__sop)
            opts="-q -v -h --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help version list-profiles generate-key extract-cert sign verify encrypt decrypt armor dearmor inline-detach inline-sign inline-verify help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__sop__subcmd__armor)
            opts="-q -v -h --label --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --label)
                    COMPREPLY=($(compgen -W "auto sig key cert message" -- "${cur}"))
                    return 0
                    ;;
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__sop__subcmd__dearmor)
            opts="-q -v -h --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__sop__subcmd__decrypt)
            opts="-q -v -h --session-key-out --with-session-key --with-password --with-key-password --verifications-out --verify-with --verify-not-before --verify-not-after --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --session-key-out)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --with-session-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --with-password)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --with-key-password)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --verifications-out)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --verify-with)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --verify-not-before)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --verify-not-after)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__sop__subcmd__encrypt)
            opts="-q -v -h --as --no-armor --with-password --sign-with --with-key-password --profile --session-key-out --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --as)
                    COMPREPLY=($(compgen -W "binary text" -- "${cur}"))
                    return 0
                    ;;
                --with-password)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sign-with)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --with-key-password)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --session-key-out)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__sop__subcmd__extract__subcmd__cert)
            opts="-q -v -h --no-armor --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__sop__subcmd__generate__subcmd__key)
            opts="-q -v -h --no-armor --with-key-password --profile --signing-only --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --with-key-password)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__sop__subcmd__help)
            opts="version list-profiles generate-key extract-cert sign verify encrypt decrypt armor dearmor inline-detach inline-sign inline-verify help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__sop__subcmd__help__subcmd__armor)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__sop__subcmd__help__subcmd__dearmor)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__sop__subcmd__help__subcmd__decrypt)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__sop__subcmd__help__subcmd__encrypt)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__sop__subcmd__help__subcmd__extract__subcmd__cert)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__sop__subcmd__help__subcmd__generate__subcmd__key)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__sop__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__sop__subcmd__help__subcmd__inline__subcmd__detach)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__sop__subcmd__help__subcmd__inline__subcmd__sign)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__sop__subcmd__help__subcmd__inline__subcmd__verify)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__sop__subcmd__help__subcmd__list__subcmd__profiles)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__sop__subcmd__help__subcmd__sign)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__sop__subcmd__help__subcmd__verify)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__sop__subcmd__help__subcmd__version)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__sop__subcmd__inline__subcmd__detach)
            opts="-q -v -h --no-armor --signatures-out --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --signatures-out)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__sop__subcmd__inline__subcmd__sign)
            opts="-q -v -h --no-armor --as --with-key-password --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --as)
                    COMPREPLY=($(compgen -W "binary text clearsigned" -- "${cur}"))
                    return 0
                    ;;
                --with-key-password)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__sop__subcmd__inline__subcmd__verify)
            opts="-q -v -h --not-before --not-after --verifications-out --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --not-before)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --not-after)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --verifications-out)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__sop__subcmd__list__subcmd__profiles)
            opts="-q -v -h --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__sop__subcmd__sign)
            opts="-q -v -h --no-armor --as --with-key-password --micalg-out --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --as)
                    COMPREPLY=($(compgen -W "binary text" -- "${cur}"))
                    return 0
                    ;;
                --with-key-password)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --micalg-out)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__sop__subcmd__verify)
            opts="-q -v -h --not-before --not-after --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --not-before)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --not-after)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__sop__subcmd__version)
            opts="-q -v -h --backend --extended --sop-spec --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__trust)
            opts="-q -v -h --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help anchor root pin check help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__trust__subcmd__anchor)
            opts="-q -v -h --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help add list remove help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__trust__subcmd__anchor__subcmd__add)
            opts="-q -v -h --domain --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --domain)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__trust__subcmd__anchor__subcmd__help)
            opts="add list remove help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__trust__subcmd__anchor__subcmd__help__subcmd__add)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__trust__subcmd__anchor__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__trust__subcmd__anchor__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__trust__subcmd__anchor__subcmd__help__subcmd__remove)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__trust__subcmd__anchor__subcmd__list)
            opts="-q -v -h --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__trust__subcmd__anchor__subcmd__remove)
            opts="-q -v -h --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__trust__subcmd__check)
            opts="-q -v -h --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__trust__subcmd__help)
            opts="anchor root pin check help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__trust__subcmd__help__subcmd__anchor)
            opts="add list remove"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__trust__subcmd__help__subcmd__anchor__subcmd__add)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__trust__subcmd__help__subcmd__anchor__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__trust__subcmd__help__subcmd__anchor__subcmd__remove)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__trust__subcmd__help__subcmd__check)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__trust__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__trust__subcmd__help__subcmd__pin)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__trust__subcmd__help__subcmd__root)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__trust__subcmd__pin)
            opts="-q -v -h --email --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --email)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__trust__subcmd__root)
            opts="-q -v -h --amount --remove --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --amount)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mailseal__subcmd__verify)
            opts="-o -q -v -h --paths-from --output --no-learn --keyring --at --json --quiet --verbose --passphrase-file --passphrase-fd --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --paths-from)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --keyring)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passphrase-fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
    esac
}

if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _mailseal -o nosort -o bashdefault -o default mailseal
else
    complete -F _mailseal -o bashdefault -o default mailseal
fi
