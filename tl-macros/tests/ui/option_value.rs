// Each option takes one kind of value: the error says which.
mod flags {
    tl_runtime::tl! {
        "pong#347773c5 msg_id:long ping_id:long = Pong;",
        samples = "yes",
    }
}

mod derives {
    tl_runtime::tl! {
        "pong#347773c5 msg_id:long ping_id:long = Pong;",
        derive = Eq,
    }
}

mod lists {
    tl_runtime::tl! {
        "pong#347773c5 msg_id:long ping_id:long = Pong;",
        only = [pong],
    }
}

// Every bad value of one call is reported, not only the first.
mod several {
    tl_runtime::tl! {
        "pong#347773c5 msg_id:long ping_id:long = Pong;",
        errors = 0,
        crate = tl_runtime,
        samples = true,
    }
}

fn main() {}
