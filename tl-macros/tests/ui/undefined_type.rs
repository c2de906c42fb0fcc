mod api {
    tl_runtime::tl!(r#"
messageEntityBold#bd610bc9 offset:int length:int = MessageEntity;
formattedText#c0ffee00 text:string entities:Vector<MessageEntty> = FormattedText;
"#, allow_id_mismatch = ["formattedText"]);
}

fn main() {}
