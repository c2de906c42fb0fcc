//! Definitions of published schemas whose declared id knowingly differs from
//! the computed one. The declared id is what goes on the wire, so these are
//! accepted (and reported as notes) unless a caller asks otherwise.

/// One published definition whose declared `#id` is not the CRC32 of its
/// text, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KnownDeviation {
    /// The definition's name as the schema spells it.
    pub name: &'static str,
    /// The id the schema declares, which peers send.
    pub declared_id: u32,
    /// The id computed from the text under the schema's dialect.
    pub computed_id: u32,
    /// Why the two differ.
    pub reason: &'static str,
}

/// The deviation known for a definition named `name` that declares
/// `declared_id`, if any. Both must match: the same name with another id is
/// not known.
pub fn known_deviation(name: &str, declared_id: u32) -> Option<&'static KnownDeviation> {
    KNOWN_DEVIATIONS
        .iter()
        .find(|d| d.name == name && d.declared_id == declared_id)
}

const KEEPS_BYTES: &str = "the id was computed with `bytes` kept, \
     where the rule reads it as `string`";
const SIMPLE_CONFIG: &str = "from the out-of-band \"simple config\" schema \
     that TDLib, tdesktop and grammers carry; no known spelling of the text \
     gives this id";
const LEGACY: &str = "an older constructor renamed with `Legacy` by TDLib; \
     the id is that of the original name";
const PREFIX: &str = "a TDLib helper that reuses the id of the real \
     `invokeWith…` function (`{X:Type} … query:!X = X`), which therefore \
     repeats it";
const LAYER_SUFFIX: &str = "TDLib appended the secret-chat layer to the name \
     of an older constructor; the id is that of the name without the number";
const PINNED: &str = "the id was kept when a conditional field was added: \
     it is the CRC32 of the text without that last field";

/// Every known deviation, from Telegram's `api.tl`, `mtproto.tl` and
/// `secret_api.tl` (as TDLib, tdesktop, gotd and grammers publish them) and
/// TON's `lite_api.tl` and `ton_api.tl`, including older revisions of these
/// files. Computed ids are those of the Telegram rule for Telegram's files
/// and of the TDLib rule for TON's.
pub const KNOWN_DEVIATIONS: &[KnownDeviation] = &[
    // The "simple config" definitions, in TDLib's prelude to `api.tl` and in
    // tdesktop's and grammers' `mtproto.tl`.
    KnownDeviation {
        name: "ipPortSecret",
        declared_id: 0x37982646,
        computed_id: 0x402d9b47,
        reason: KEEPS_BYTES,
    },
    KnownDeviation {
        name: "accessPointRule",
        declared_id: 0x4679b65f,
        computed_id: 0x020634ce,
        reason: SIMPLE_CONFIG,
    },
    KnownDeviation {
        name: "help.configSimple",
        declared_id: 0x5a592a6c,
        computed_id: 0x066d2808,
        reason: SIMPLE_CONFIG,
    },
    KnownDeviation {
        name: "inputPeerPhotoFileLocationLegacy",
        declared_id: 0x27d69997,
        computed_id: 0xa8f0f7a0,
        reason: LEGACY,
    },
    KnownDeviation {
        name: "inputStickerSetThumbLegacy",
        declared_id: 0x0dbaeae9,
        computed_id: 0xb0eff77b,
        reason: LEGACY,
    },
    KnownDeviation {
        name: "invokeWithBusinessConnectionPrefix",
        declared_id: 0xdd289f8e,
        computed_id: 0x192627c6,
        reason: PREFIX,
    },
    KnownDeviation {
        name: "invokeWithGooglePlayIntegrityPrefix",
        declared_id: 0x1df92984,
        computed_id: 0xe2974a5b,
        reason: PREFIX,
    },
    KnownDeviation {
        name: "invokeWithApnsSecretPrefix",
        declared_id: 0x0dae54f8,
        computed_id: 0xf1afa47f,
        reason: PREFIX,
    },
    KnownDeviation {
        name: "invokeWithReCaptchaPrefix",
        declared_id: 0xadbb0f94,
        computed_id: 0x16ca1135,
        reason: PREFIX,
    },
    // TDLib's `mtproto_api.tl`.
    KnownDeviation {
        name: "gzip_packed",
        declared_id: 0x3072cfa1,
        computed_id: 0xdfbc64b0,
        reason: "TDLib changed the result type to `GzipPacked`; the id is \
                 that of `gzip_packed packed_data:string = Object`",
    },
    // TDLib's `secret_api.tl`, which holds every secret-chat layer at once.
    KnownDeviation {
        name: "decryptedMessage8",
        declared_id: 0x1f814f1f,
        computed_id: 0x247cd08c,
        reason: LAYER_SUFFIX,
    },
    KnownDeviation {
        name: "decryptedMessageService8",
        declared_id: 0xaa48327d,
        computed_id: 0x822543a1,
        reason: LAYER_SUFFIX,
    },
    KnownDeviation {
        name: "decryptedMessageMediaPhoto8",
        declared_id: 0x32798a8c,
        computed_id: 0x0a573eea,
        reason: LAYER_SUFFIX,
    },
    KnownDeviation {
        name: "decryptedMessageMediaPhoto23",
        declared_id: 0x32798a8c,
        computed_id: 0xfb98cb4a,
        reason: LAYER_SUFFIX,
    },
    KnownDeviation {
        name: "decryptedMessageMediaVideo8",
        declared_id: 0x4cee6ef3,
        computed_id: 0x383caece,
        reason: LAYER_SUFFIX,
    },
    KnownDeviation {
        name: "decryptedMessageMediaDocument8",
        declared_id: 0xb095434b,
        computed_id: 0x4273f5ad,
        reason: LAYER_SUFFIX,
    },
    KnownDeviation {
        name: "decryptedMessageMediaDocument23",
        declared_id: 0xb095434b,
        computed_id: 0xb74be757,
        reason: LAYER_SUFFIX,
    },
    KnownDeviation {
        name: "decryptedMessageMediaAudio8",
        declared_id: 0x6080758f,
        computed_id: 0x804476cf,
        reason: LAYER_SUFFIX,
    },
    KnownDeviation {
        name: "decryptedMessage23",
        declared_id: 0x204d3878,
        computed_id: 0x00276ea7,
        reason: LAYER_SUFFIX,
    },
    KnownDeviation {
        name: "decryptedMessageMediaVideo23",
        declared_id: 0x524a415d,
        computed_id: 0xfff62295,
        reason: LAYER_SUFFIX,
    },
    KnownDeviation {
        name: "documentAttributeSticker23",
        declared_id: 0xfb0a5727,
        computed_id: 0x65aa2b19,
        reason: LAYER_SUFFIX,
    },
    KnownDeviation {
        name: "documentAttributeVideo23",
        declared_id: 0x5910cccb,
        computed_id: 0xa27c8ba1,
        reason: LAYER_SUFFIX,
    },
    KnownDeviation {
        name: "documentAttributeVideo66",
        declared_id: 0x0ef02ce6,
        computed_id: 0x0198b621,
        reason: LAYER_SUFFIX,
    },
    KnownDeviation {
        name: "documentAttributeAudio23",
        declared_id: 0x051448e5,
        computed_id: 0x0fcec828,
        reason: LAYER_SUFFIX,
    },
    KnownDeviation {
        name: "documentAttributeAudio45",
        declared_id: 0xded218e0,
        computed_id: 0x7224e75c,
        reason: LAYER_SUFFIX,
    },
    KnownDeviation {
        name: "decryptedMessage46",
        declared_id: 0x36b091de,
        computed_id: 0x6b045723,
        reason: LAYER_SUFFIX,
    },
    KnownDeviation {
        name: "decryptedMessageMediaDocument46",
        declared_id: 0x7afe8ae2,
        computed_id: 0x558862e7,
        reason: LAYER_SUFFIX,
    },
    KnownDeviation {
        name: "decryptedMessageMediaDocument",
        declared_id: 0x6abd9782,
        computed_id: 0x8e4c064c,
        reason: KEEPS_BYTES,
    },
    // TON's `lite_api.tl`.
    KnownDeviation {
        name: "liteServer.transactionId",
        declared_id: 0xb12f65af,
        computed_id: 0xab101c41,
        reason: PINNED,
    },
    KnownDeviation {
        name: "liteServer.getValidatorStats",
        declared_id: 0x091a58bc,
        computed_id: 0x28897ef9,
        reason: PINNED,
    },
    KnownDeviation {
        name: "liteServer.signatureSet.ordinary",
        declared_id: 0xf644a6e6,
        computed_id: 0x79e48753,
        reason: "renamed from `liteServer.signatureSet` with the id kept: \
                 the id is that of the old name",
    },
    // TON's `ton_api.tl`.
    KnownDeviation {
        name: "db.block.info",
        declared_id: 0x4ac6e727,
        computed_id: 0x206b0221,
        reason: PINNED,
    },
    KnownDeviation {
        name: "collatorNode.pong",
        declared_id: 0x5bbf0521,
        computed_id: 0xd8ee8db8,
        reason: PINNED,
    },
    KnownDeviation {
        name: "tonNode.capabilities",
        declared_id: 0xf5bf60c0,
        computed_id: 0x67e93d03,
        reason: "the text was replaced with the id kept: the id is that of \
                 the 2019 text `tonNode.capabilities version:int \
                 capabilities:long = tonNode.Capabilities`",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_name_and_declared_id_is_listed_once() {
        for (i, d) in KNOWN_DEVIATIONS.iter().enumerate() {
            assert_ne!(d.declared_id, d.computed_id, "{}", d.name);
            let first = KNOWN_DEVIATIONS
                .iter()
                .position(|e| e.name == d.name && e.declared_id == d.declared_id);
            assert_eq!(first, Some(i), "{} is listed twice", d.name);
        }
    }

    #[test]
    fn a_known_name_with_another_id_is_not_known() {
        let gzip = known_deviation("gzip_packed", 0x3072cfa1).expect("listed");
        assert_eq!(gzip.computed_id, 0xdfbc64b0);
        assert!(known_deviation("gzip_packed", 0x3072cfa2).is_none());
        assert!(known_deviation("gzip_packed2", 0x3072cfa1).is_none());
    }

    #[test]
    fn the_reasons_check_out_where_the_text_alone_explains_them() {
        let id = |text: &str| crc32fast::hash(text.as_bytes());
        let gzip = known_deviation("gzip_packed", 0x3072cfa1).expect("listed");
        assert_eq!(
            id("gzip_packed packed_data:string = Object"),
            gzip.declared_id
        );
        let capabilities = known_deviation("tonNode.capabilities", 0xf5bf60c0).expect("listed");
        assert_eq!(
            id("tonNode.capabilities version:int capabilities:long = tonNode.Capabilities"),
            capabilities.declared_id
        );
        let ip = known_deviation("ipPortSecret", 0x37982646).expect("listed");
        assert_eq!(
            id("ipPortSecret ipv4:int port:int secret:bytes = IpPort"),
            ip.declared_id
        );
        assert_eq!(
            id("ipPortSecret ipv4:int port:int secret:string = IpPort"),
            ip.computed_id
        );
    }
}
