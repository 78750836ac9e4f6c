"""Where each Creative Commons licence of ``fields.Licence`` is stated: its deed, the
human-readable summary Creative Commons publishes in each language (``deed.<language>``), and the
licence's own address, the one machines compare (schema.org ``license``)."""

from .models.fields import Licence

LICENCE_PATHS = {
    Licence.CC_BY: "licenses/by/4.0/",
    Licence.CC_BY_SA: "licenses/by-sa/4.0/",
    Licence.CC_BY_NC: "licenses/by-nc/4.0/",
    Licence.CC_BY_NC_SA: "licenses/by-nc-sa/4.0/",
    Licence.CC_BY_ND: "licenses/by-nd/4.0/",
    Licence.CC_BY_NC_ND: "licenses/by-nc-nd/4.0/",
    Licence.CC0: "publicdomain/zero/1.0/",
}
CREATIVE_COMMONS = "https://creativecommons.org/"


def licence_url(key):
    """The licence's canonical address; "" for an unknown key."""
    path = LICENCE_PATHS.get(key)
    return CREATIVE_COMMONS + path if path else ""


def deed_url(key, language):
    """The licence's summary for a reader of ``language``."""
    url = licence_url(key)
    return f"{url}deed.{language}" if url else ""
