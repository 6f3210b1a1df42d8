addEventListener("load",function(s){return function(){var e=document.createElement("script");e.src=s;document.body.appendChild(e)}}(document.currentScript.dataset.src))
